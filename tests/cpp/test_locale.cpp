// Number text is locale-independent: JSON out (toJson, appendDouble), numbers in
// control requests (writeInferred) and the policy's messages keep '.' as the
// decimal point under a comma-decimal locale, set both ways a game can set it:
// std::locale::global with a comma numpunct (always), and setlocale with the
// locale named by $TTB_COMMA_LOCALE (tests/test_cpp.py builds de_DE.UTF-8 with
// localedef and points LOCPATH at it).
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <locale>
#include <string>

#include "TTBControl.h"
#include "TTBMsgPack.h"
#include "ttb_test.h"

namespace {

struct CommaDecimal : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

std::string json(double v) {
    std::string out;
    ttb::mp::appendDouble(out, v);
    return out;
}

void checkNumbers() {
    EXPECT_EQ(json(0.028), std::string("0.028"));
    EXPECT_EQ(json(1234567.5), std::string("1234567.5"));
    EXPECT_EQ(json(1.0), std::string("1.0"));
    EXPECT_EQ(json(-2.5e-7), std::string("-2.5e-07"));
    EXPECT_EQ(json(0.1), std::string("0.1"));
    EXPECT_EQ(json(1.0 / 3.0), std::string("0.3333333333333333"));
    EXPECT_EQ(ttb::mp::formatDouble(2.25, 1, true), std::string("2.2"));
    EXPECT_EQ(ttb::mp::formatDouble(1234.5, 1, true), std::string("1234.5"));
    double parsed = 0.0;
    EXPECT(ttb::mp::parseDouble("1.5", parsed) && parsed == 1.5);
    EXPECT(!ttb::mp::parseDouble("1,5", parsed));

    // a msgpack float64 through the JSON converter
    std::string packed;
    ttb::mp::Writer w(packed);
    w.real(1234.5);
    std::string text;
    EXPECT(ttb::mp::toJson(reinterpret_cast<const uint8_t*>(packed.data()), packed.size(), text));
    EXPECT_EQ(text, std::string("1234.5"));

    // "2.5" typed into a control request is a float, not the string "2.5"
    std::string inferred;
    ttb::mp::Writer wi(inferred);
    ttb::writeInferred(wi, "2.5");
    std::string expected;
    ttb::mp::Writer we(expected);
    we.real(2.5);
    EXPECT_EQ(inferred, expected);
}

}  // namespace

TTB_TEST(locale_comma_decimal_cpp_global) {
    const std::locale before = std::locale::global(std::locale(std::locale::classic(), new CommaDecimal));
    checkNumbers();
    std::locale::global(before);
}

TTB_TEST(locale_comma_decimal_setlocale) {
    const char* name = std::getenv("TTB_COMMA_LOCALE");
    if (name == nullptr) return;  // only where the driver provides the locale
    REQUIRE(std::setlocale(LC_ALL, name) != nullptr);
    char probe[32];
    std::snprintf(probe, sizeof probe, "%.1f", 0.5);
    EXPECT_EQ(std::string(probe), std::string("0,5"));  // the locale is in force for printf
    const std::locale before = std::locale::global(std::locale(name));
    checkNumbers();
    std::locale::global(before);
    std::setlocale(LC_ALL, "C");
    std::printf("comma-decimal locale %s: number text unchanged\n", name);
}
