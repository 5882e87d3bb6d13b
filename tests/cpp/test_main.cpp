// Runs every TTB_TEST (or those whose name contains argv[1]); exit 1 on failure.
#include <chrono>
#include <cstring>

#include "ttb_test.h"

namespace ttb_test {

std::vector<TestCase>& registry() {
    static std::vector<TestCase> tests;
    return tests;
}

static int gFailures = 0;
static bool gCurrentFailed = false;

void fail(const char* file, int line, const std::string& what) {
    ++gFailures;
    gCurrentFailed = true;
    std::fprintf(stderr, "  FAIL %s:%d: %s\n", file, line, what.c_str());
}

bool currentFailed() { return gCurrentFailed; }

}  // namespace ttb_test

int main(int argc, char** argv) {
    using namespace ttb_test;
    const char* filter = argc > 1 ? argv[1] : nullptr;
    int run = 0;
    int failed = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const TestCase& t : registry()) {
        if (filter && !std::strstr(t.name, filter)) continue;
        gCurrentFailed = false;
        t.fn();
        ++run;
        if (gCurrentFailed) {
            ++failed;
            std::fprintf(stderr, "FAILED %s\n", t.name);
        }
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%d tests, %d failed, %d failed checks (%.0f ms)\n", run, failed, gFailures, ms);
    return failed || run == 0 ? 1 : 0;
}
