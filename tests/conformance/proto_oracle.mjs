// Encodes webcast messages with the published npm schema package tiktok-live-proto (its v3 classes,
// the ones tiktok-live-connector decodes with), and asks it which fields it reads, for
// tests/test_oracle_npm.py.
//
// stdin: {"encode": [message, ...], "reads": [[type name, probe, base], ...]} (probe and base are
// base64 protobuf bytes); stdout: {"encoded": [base64, ...], "reads": [answer, ...]}, each list in
// its input's order, from one Node run. An answer is the key path (field names, list indices, map
// keys) to where the package's decodings of probe and base first differ: the field probe adds, as
// the package names it; null when they do not differ (the package ignores that field), and the
// error's text when it cannot decode probe at all.
//
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

function difference(a, b) {
    // the key path to the first place where a and b differ, or null
    if (JSON.stringify(a) === JSON.stringify(b)) return null;
    if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return [];
    if (a instanceof Uint8Array || b instanceof Uint8Array) return [];
    if (Array.isArray(a) && a.length !== b.length) return [];
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const below = difference(a[key], b[key]);
        if (below !== null) return [Array.isArray(a) ? Number(key) : key, ...below];
    }
    return [];
}

function reads([name, probe, base], where) {
    const type = messageType(name, where);
    try {
        return difference(type.decode(Buffer.from(probe, "base64")), type.decode(Buffer.from(base, "base64")));
    } catch (error) {
        return String(error.message);
    }
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
try {
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    process.stdout.write(
        JSON.stringify({
            encoded: request.encode.map((value, i) => Buffer.from(encode(value, `encode[${i}]`)).toString("base64")),
            reads: request.reads.map((item, i) => reads(item, `reads[${i}]`)),
        }),
    );
} catch (error) {
    process.stderr.write(`proto_oracle: ${error.message}\n`);
    process.exit(1);
}
