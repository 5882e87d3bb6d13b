#include <string>
#include <vector>

#include "TTBControl.h"
#include "TTBEvents.h"
#include "TTBEventsDump.h"
#include "TTBMsgPack.h"
#include "test_util.h"
#include "ttb_test.h"

using ttb::mp::Writer;

namespace {

struct Recorder : ttb::EventSink {
    std::vector<std::string> calls;
    ttb::GiftEvent gift;
    ttb::RoomPinEvent pin;
    ttb::ActionEvent action;
    ttb::UnknownEvent unknown;
    ttb::SysHeartbeatEvent heartbeat;
    ttb::ImDeleteEvent imDelete;
    void onGift(const ttb::GiftEvent& e) override {
        calls.push_back("gift");
        gift = e;
    }
    void onRoomPin(const ttb::RoomPinEvent& e) override {
        calls.push_back("roomPin");
        pin = e;
    }
    void onAction(const ttb::ActionEvent& e) override {
        calls.push_back("action");
        action = e;
    }
    void onUnknown(const ttb::UnknownEvent& e) override {
        calls.push_back("unknown");
        unknown = e;
    }
    void onSysHeartbeat(const ttb::SysHeartbeatEvent& e) override {
        calls.push_back("sys.heartbeat");
        heartbeat = e;
    }
    void onImDelete(const ttb::ImDeleteEvent& e) override {
        calls.push_back("imDelete");
        imDelete = e;
    }
};

void user(Writer& w, const char* uniqueId, int64_t id) {
    w.mapHeader(4);
    w.str("id");
    w.integer(id);
    w.str("uniqueId");
    w.str(uniqueId);
    w.str("isModerator");
    w.boolean(true);
    w.str("gifterLevel");
    w.integer(12);
}

ttb::DecodeResult decode(const std::string& topic, const std::string& payload, ttb::EventSink& sink) {
    return ttb::decodeEvent(topic, reinterpret_cast<const uint8_t*>(payload.data()), payload.size(), sink);
}

}  // namespace

TTB_TEST(events_gift_with_envelope_and_unknown_keys) {
    std::string p;
    Writer w(p);
    w.mapHeader(10);
    w.str("type");
    w.str("gift");
    w.str("user");
    user(w, "rodax222", 6900000000001216928LL);
    w.str("giftName");
    w.str("Rose");
    w.str("repeatCount");
    w.integer(5);
    w.str("streaking");
    w.boolean(true);
    w.str("futureKey");  // not in the contract: skipped
    w.arrayHeader(2);
    w.mapHeader(1);
    w.str("deep");
    w.nil();
    w.integer(1);
    w.str("room");
    w.str("simulated");
    w.str("roomId");
    w.uinteger(7400000000000000001ULL);
    w.str("seq");
    w.integer(52);
    w.str("simulated");
    w.boolean(true);
    Recorder r;
    EXPECT(decode("gift/simulated", p, r) == ttb::DecodeResult::Ok);
    REQUIRE(r.calls.size() == 1);
    EXPECT_EQ(r.gift.env.type, std::string("gift"));
    EXPECT_EQ(r.gift.env.room, std::string("simulated"));
    EXPECT_EQ(r.gift.env.roomId, static_cast<int64_t>(7400000000000000001LL));
    EXPECT_EQ(r.gift.env.seq, static_cast<int64_t>(52));
    EXPECT(r.gift.env.simulated);
    EXPECT_EQ(r.gift.user.uniqueId, std::string("rodax222"));
    EXPECT_EQ(r.gift.user.id, static_cast<int64_t>(6900000000001216928LL));
    EXPECT(r.gift.user.isModerator);
    EXPECT_EQ(r.gift.user.gifterLevel, static_cast<int64_t>(12));
    EXPECT_EQ(r.gift.giftName, std::string("Rose"));
    EXPECT_EQ(r.gift.repeatCount, static_cast<int64_t>(5));
    EXPECT(r.gift.streaking);
    EXPECT(!r.gift.repeatEnd);  // absent = zero value
}

TTB_TEST(events_type_comes_from_the_topic) {
    Recorder r;
    std::string p;
    Writer w(p);
    w.mapHeader(1);
    w.str("msgIds");
    w.arrayHeader(3);
    w.integer(1);
    w.str("not an int");  // ignored
    w.uinteger(18446744073709551615ULL);
    EXPECT(decode("imDelete/r", p, r) == ttb::DecodeResult::Ok);
    REQUIRE(r.imDelete.msgIds.size() == 2);
    EXPECT_EQ(r.imDelete.msgIds[1], static_cast<int64_t>(-1));  // uint64 bits kept
    EXPECT(decode("gift", p, r) == ttb::DecodeResult::Ok);        // a topic without room
    EXPECT(decode("giftx/r", p, r) == ttb::DecodeResult::UnknownType);
    EXPECT(decode("", p, r) == ttb::DecodeResult::UnknownType);
    EXPECT(decode("gift/r", hex("93 01 02 03"), r) == ttb::DecodeResult::NotAMap);
    EXPECT(decode("gift/r", "", r) == ttb::DecodeResult::NotAMap);
    EXPECT(decode("gift/r", p + "\x01", r) == ttb::DecodeResult::Malformed);
    EXPECT(decode("gift/r", p.substr(0, p.size() - 1), r) == ttb::DecodeResult::Malformed);
    EXPECT(ttb::eventTypeFromTopic("sys.heartbeat") == ttb::EventType::SysHeartbeat);
    EXPECT(ttb::eventTypeFromTopic("sys.status/someone") == ttb::EventType::SysStatus);
    EXPECT(ttb::eventTypeFromTopic("action/jump/someone") == ttb::EventType::Action);
    EXPECT(ttb::eventTypeIsSystem(ttb::EventType::SysStatus));
    EXPECT(!ttb::eventTypeIsSystem(ttb::EventType::Chat));
    for (size_t k = 0; k < ttb::kEventTypeCount; ++k) {
        const auto t = static_cast<ttb::EventType>(k);
        EXPECT(ttb::eventTypeFromName(ttb::eventTypeName(t)) == t);
    }
}

TTB_TEST(events_wrong_value_types_are_ignored) {
    std::string p;
    Writer w(p);
    w.mapHeader(4);
    w.str("giftName");
    w.integer(5);  // should be str
    w.str("repeatCount");
    w.str("many");  // should be int
    w.str("user");
    w.arrayHeader(1);  // should be a map
    w.integer(1);
    w.str("diamondCount");
    w.integer(99);
    Recorder r;
    EXPECT(decode("gift/r", p, r) == ttb::DecodeResult::Ok);
    EXPECT_EQ(r.gift.giftName, std::string());
    EXPECT_EQ(r.gift.repeatCount, static_cast<int64_t>(0));
    EXPECT_EQ(r.gift.user.uniqueId, std::string());
    EXPECT_EQ(r.gift.diamondCount, static_cast<int64_t>(99));
}

TTB_TEST(events_nested_event_action_params_and_bin) {
    // roomPin with a pinned chat
    std::string p;
    Writer w(p);
    w.mapHeader(2);
    w.str("action");
    w.integer(1);
    w.str("pinned");
    w.mapHeader(3);
    w.str("type");
    w.str("chat");
    w.str("user");
    user(w, "lupovi_512", 6900000000000123799LL);
    w.str("comment");
    w.str("hi \"all\"");
    Recorder r;
    EXPECT(decode("roomPin/r", p, r) == ttb::DecodeResult::Ok);
    EXPECT_EQ(r.pin.pinned.type, std::string("chat"));
    EXPECT_EQ(r.pin.pinned.user.uniqueId, std::string("lupovi_512"));
    EXPECT_EQ(r.pin.pinned.json,
              std::string("{\"type\":\"chat\",\"user\":{\"id\":6900000000000123799,\"uniqueId\":\"lupovi_512\","
                          "\"isModerator\":true,\"gifterLevel\":12},\"comment\":\"hi \\\"all\\\"\"}"));
    // an action
    p.clear();
    w.mapHeader(5);
    w.str("type");
    w.str("action");
    w.str("name");
    w.str("spawn_enemy");
    w.str("params");
    w.mapHeader(3);
    w.str("enemy");
    w.str("goblin");
    w.str("count");
    w.integer(3);
    w.str("args");
    w.arrayHeader(1);
    w.str("high");
    w.str("event");
    w.mapHeader(2);
    w.str("type");
    w.str("gift");
    w.str("user");
    user(w, "kavino309", 1);
    w.str("room");
    w.str("simulated");
    EXPECT(decode("action/spawn_enemy/simulated", p, r) == ttb::DecodeResult::Ok);
    EXPECT_EQ(r.action.name, std::string("spawn_enemy"));
    EXPECT_EQ(r.action.env.room, std::string("simulated"));
    REQUIRE(r.action.params.size() == 3);
    EXPECT_EQ(r.action.params[0].first, std::string("enemy"));
    EXPECT_EQ(r.action.params[0].second, std::string("goblin"));
    EXPECT_EQ(r.action.params[1].second, std::string("3"));
    EXPECT_EQ(r.action.params[2].second, std::string("[\"high\"]"));
    EXPECT_EQ(r.action.paramsJson, std::string("{\"enemy\":\"goblin\",\"count\":3,\"args\":[\"high\"]}"));
    EXPECT_EQ(r.action.event.type, std::string("gift"));
    EXPECT_EQ(r.action.event.user.uniqueId, std::string("kavino309"));
    // unknown: bin payload kept as bytes
    p.clear();
    w.mapHeader(2);
    w.str("method");
    w.str("WebcastHourlyRankMessage");
    w.str("payload");
    const uint8_t raw[4] = {0x12, 0x00, 0xff, 0x08};
    w.bin(raw, 4);
    EXPECT(decode("unknown/r", p, r) == ttb::DecodeResult::Ok);
    EXPECT_EQ(r.unknown.payload, std::string("\x12\x00\xff\x08", 4));
    // heartbeat: rooms as a map of JSON values
    p.clear();
    w.mapHeader(3);
    w.str("type");
    w.str("sys.heartbeat");
    w.str("uptime");
    w.real(0.028);
    w.str("rooms");
    w.mapHeader(1);
    w.str("simulated");
    w.mapHeader(1);
    w.str("state");
    w.str("connected");
    EXPECT(decode("sys.heartbeat", p, r) == ttb::DecodeResult::Ok);
    EXPECT_EQ(r.heartbeat.uptime, 0.028);
    REQUIRE(r.heartbeat.rooms.size() == 1);
    EXPECT_EQ(r.heartbeat.rooms[0].second, std::string("{\"state\":\"connected\"}"));
}

TTB_TEST(events_any_event_and_dump) {
    std::string p;
    Writer w(p);
    w.mapHeader(3);
    w.str("type");
    w.str("like");
    w.str("user");
    user(w, "a", 2);
    w.str("likeCount");
    w.integer(5);
    ttb::AnyEvent any;
    EXPECT(ttb::decodeAnyEvent(reinterpret_cast<const uint8_t*>(p.data()), p.size(), any));
    EXPECT_EQ(any.type, std::string("like"));
    EXPECT_EQ(any.user.id, static_cast<int64_t>(2));
    std::string dumped;
    EXPECT(ttb_test::dumpEvent("like/r", reinterpret_cast<const uint8_t*>(p.data()), p.size(), dumped) ==
           ttb::DecodeResult::Ok);
    EXPECT_EQ(dumped, std::string("{\"type\":\"like\",\"user\":{\"id\":2,\"uniqueId\":\"a\",\"isModerator\":true,"
                                  "\"gifterLevel\":12},\"likeCount\":5}"));
}

TTB_TEST(control_request_encoders) {
    ttb::StringPairs fields = {{"giftName", "Rose"},       {"repeatCount", "5"},  {"user.uniqueId", "bob"},
                               {"user.isModerator", "true"}, {"ratio", "0.5"},    {"code", "007"},
                               {"note", ""},                {"big", "99999999999999999999"}};
    const std::string req =
        ttb::encodeRequestMsgpack("simulate", {{"type", "gift"}, {"room", "someone"}}, &fields, 7, "s3cret");
    std::string json;
    EXPECT(ttb::mp::toJson(reinterpret_cast<const uint8_t*>(req.data()), req.size(), json));
    EXPECT_EQ(json, std::string("{\"cmd\":\"simulate\",\"type\":\"gift\",\"room\":\"someone\",\"fields\":{"
                                "\"giftName\":\"Rose\",\"repeatCount\":5,\"user\":{\"uniqueId\":\"bob\","
                                "\"isModerator\":true},\"ratio\":0.5,\"code\":\"007\",\"note\":\"\","
                                "\"big\":\"99999999999999999999\"},\"id\":7,\"token\":\"s3cret\"}"));
    EXPECT_EQ(static_cast<uint8_t>(req[0]) & 0xf0, 0x80);  // a fixmap: the daemon's msgpack test
    const std::string minimal = ttb::encodeRequestMsgpack("ping", {}, nullptr, -1, "");
    EXPECT_EQ(minimal, hex("81 a3") + "cmd" + hex("a4") + "ping");
    EXPECT_EQ(ttb::encodeRequestText("simulate", {"gift@someone"}, "{\"giftName\": \"Rose\"}", ""),
              std::string("simulate gift@someone {\"giftName\": \"Rose\"}"));
    EXPECT_EQ(ttb::encodeRequestText("ping", {}, "", "tok"), std::string("token=tok ping"));
}

TTB_TEST(control_reply_decoding) {
    ttb::ControlReply r;
    const std::string ok = hex("82 a2") + "ok" + hex("c3 a6") + "result" + hex("81 a4") + "room" + hex("a1") + "x";
    EXPECT(ttb::decodeControlReply(reinterpret_cast<const uint8_t*>(ok.data()), ok.size(), r));
    EXPECT(r.ok);
    EXPECT_EQ(r.resultJson, std::string("{\"room\":\"x\"}"));
    const std::string bad = hex("92 01 02");
    EXPECT(!ttb::decodeControlReply(reinterpret_cast<const uint8_t*>(bad.data()), bad.size(), r));
    EXPECT_EQ(r.errorCode, std::string("bad_reply"));
    const std::string noCode = hex("81 a2") + "ok" + hex("c2");
    EXPECT(ttb::decodeControlReply(reinterpret_cast<const uint8_t*>(noCode.data()), noCode.size(), r));
    EXPECT_EQ(r.errorCode, std::string("failed"));
}
