// A tiny test framework (no downloads): TTB_TEST registers a test, EXPECT*
// record failures and keep going, REQUIRE* stop the current test.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace ttb_test {

struct TestCase {
    const char* name;
    void (*fn)();
};

std::vector<TestCase>& registry();
void fail(const char* file, int line, const std::string& what);
bool currentFailed();

struct Registrar {
    Registrar(const char* name, void (*fn)()) { registry().push_back({name, fn}); }
};

inline std::string show(const std::string& v) { return "\"" + v + "\""; }
inline std::string show(const char* v) { return v ? "\"" + std::string(v) + "\"" : "null"; }
inline std::string show(bool v) { return v ? "true" : "false"; }
template <typename T>
std::string show(const T& v) {
    return std::to_string(v);
}

}  // namespace ttb_test

#define TTB_CAT2(a, b) a##b
#define TTB_CAT(a, b) TTB_CAT2(a, b)
#define TTB_TEST(name)                                                          \
    static void name();                                                         \
    static ::ttb_test::Registrar TTB_CAT(ttbRegistrar_, name)(#name, &name);    \
    static void name()

#define EXPECT(cond)                                                            \
    do {                                                                        \
        if (!(cond)) ::ttb_test::fail(__FILE__, __LINE__, "EXPECT(" #cond ")"); \
    } while (0)

#define EXPECT_EQ(a, b)                                                                                  \
    do {                                                                                                 \
        const auto& ttbA_ = (a);                                                                         \
        const auto& ttbB_ = (b);                                                                         \
        if (!(ttbA_ == ttbB_))                                                                           \
            ::ttb_test::fail(__FILE__, __LINE__,                                                         \
                             "EXPECT_EQ(" #a ", " #b "): " + ::ttb_test::show(ttbA_) + " != " +          \
                                 ::ttb_test::show(ttbB_));                                               \
    } while (0)

#define REQUIRE(cond)                                                            \
    do {                                                                         \
        if (!(cond)) {                                                           \
            ::ttb_test::fail(__FILE__, __LINE__, "REQUIRE(" #cond ")");          \
            return;                                                              \
        }                                                                        \
    } while (0)
