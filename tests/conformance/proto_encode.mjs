// Encodes webcast messages with the published npm schema package tiktok-live-proto (its v3 classes,
// the ones tiktok-live-connector decodes with), for tests/test_oracle_npm.py.
//
// stdin: a JSON list of messages; stdout: a JSON list of their encodings (base64), in the same order.
// A message is {"$type": name, field: value, ...}: the package's export name and its camelCase field
// names. Nested messages are written the same way, maps as plain objects, int64 values as numbers
// (safe integers) or decimal strings. A bytes field takes {"$encode": message} (that message's
// encoding) or {"$gzip": value} (the gzip of such bytes). The package's encoders want every field
// present, so each message starts from the package's own defaults (the decoding of no bytes).
// An unknown type or field, or a value of the wrong kind, is an error (exit 1, reason on stderr):
// a typo in a test case can never drop a field silently.
import { gzipSync } from "node:zlib";
import * as schema from "tiktok-live-proto/v3";

function messageType(name, where) {
    const type = schema[name];
    if (typeof type?.encode !== "function" || typeof type?.decode !== "function") {
        throw new Error(`${where}: tiktok-live-proto/v3 has no message ${JSON.stringify(name)}`);
    }
    return type;
}

function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function bytesOf(value, where) {
    if (isPlainObject(value) && "$encode" in value) return encode(value.$encode, where);
    if (isPlainObject(value) && "$gzip" in value) return new Uint8Array(gzipSync(bytesOf(value.$gzip, where)));
    throw new Error(`${where}: a bytes field takes {"$encode": message} or {"$gzip": ...}`);
}

function build(value, where) {
    if (Array.isArray(value)) return value.map((item, i) => build(item, `${where}[${i}]`));
    if (!isPlainObject(value)) return value;
    if ("$type" in value) return message(value, where);
    if ("$encode" in value || "$gzip" in value) return bytesOf(value, where);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, build(item, `${where}.${key}`)]));
}

function field(base, value, where) {
    if (base instanceof Uint8Array) return bytesOf(value, where);
    if (base === "0") {
        // int64: the package keeps these as decimal strings
        if (typeof value === "string" && /^-?\d+$/.test(value)) return value;
        if (Number.isSafeInteger(value)) return String(value);
        throw new Error(`${where}: an int64 takes a safe integer or a decimal string, not ${JSON.stringify(value)}`);
    }
    if (base === undefined) {
        if (isPlainObject(value) && !("$type" in value)) throw new Error(`${where}: a message needs its "$type"`);
        return build(value, where);
    }
    const kind = Array.isArray(base) ? "array" : typeof base;
    const got = Array.isArray(value) ? "array" : typeof value;
    if (kind !== got) throw new Error(`${where}: wants a ${kind}, not ${JSON.stringify(value)}`);
    if (kind === "number" && !Number.isFinite(value)) throw new Error(`${where}: ${value} is not a number`);
    return build(value, where);
}

function message(value, where) {
    const { $type: name, ...fields } = value;
    const full = messageType(name, where).decode(new Uint8Array(0));
    for (const [key, item] of Object.entries(fields)) {
        if (!(key in full)) throw new Error(`${where}: ${name} has no field ${JSON.stringify(key)}`);
        full[key] = field(full[key], item, `${where}.${key}`);
    }
    return full;
}

function encode(value, where) {
    if (!isPlainObject(value) || !("$type" in value)) throw new Error(`${where}: not a message: ${JSON.stringify(value)}`);
    return messageType(value.$type, where).encode(message(value, where)).finish();
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
try {
    const messages = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const out = messages.map((value, i) => Buffer.from(encode(value, `[${i}]`)).toString("base64"));
    process.stdout.write(JSON.stringify(out));
} catch (error) {
    process.stderr.write(`proto_encode: ${error.message}\n`);
    process.exit(1);
}
