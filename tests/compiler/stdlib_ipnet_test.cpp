// IP network functions: doc page examples and go-cidr's errors.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("cidrhost and cidrnetmask") {
    check_cases({
        {R"(cidrhost("10.12.112.0/20", 16))", R"("10.12.112.16")"},
        {R"(cidrhost("10.12.112.0/20", 268))", R"("10.12.113.12")"},
        {R"(cidrhost("10.12.112.0/20", -1))", R"("10.12.127.255")"},
        {R"(cidrhost("fd00:fd12:3456:7890:00a2::/72", 34))", R"("fd00:fd12:3456:7890::22")"},
        {R"(cidrhost("10.0.0.0/30", 4))", nullptr, "prefix of 30 does not accommodate a host numbered 4"},
        {R"(cidrhost("not a cidr", 1))", nullptr, "invalid CIDR expression: invalid CIDR address: not a cidr"},
        {R"(cidrnetmask("172.16.0.0/12"))", R"("255.240.0.0")"},
        {R"(cidrnetmask("10.0.0.0/0"))", R"("0.0.0.0")"},
        {R"(cidrnetmask("fd00::/64"))", R"("ffff:ffff:ffff:ffff::")"},
        {R"(cidrnetmask("10.0.0.0/33"))", nullptr, "invalid CIDR address"},
    });
}

TEST_CASE("cidrsubnet and cidrsubnets") {
    check_cases({
        {R"(cidrsubnet("172.16.0.0/12", 4, 2))", R"("172.18.0.0/16")"},
        {R"(cidrsubnet("10.1.2.0/24", 4, 15))", R"("10.1.2.240/28")"},
        {R"(cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162))", R"("fd00:fd12:3456:7800:a200::/72")"},
        {R"(cidrsubnet("10.1.2.0/24", 4, 16))", nullptr, "prefix extension of 4 does not accommodate a subnet numbered 16"},
        {R"(cidrsubnet("10.1.2.0/24", 9, 0))", nullptr, "insufficient address space to extend prefix of 24 by 9"},
        {R"(cidrsubnet("10.1.2.0/24", 40, 0))", nullptr, "may not extend prefix by more than 32 bits"},
        {R"(cidrsubnets("10.1.0.0/16", 4, 4, 8, 4))", R"(list(["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]))"},
        {R"(cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32))",
         R"(list(["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", "fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"]))"},
        {R"(cidrsubnets("10.0.0.0/30", 1, 1, 1))", nullptr, "not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31"},
        {R"(cidrsubnets("10.0.0.0/8", 0))", nullptr, "must extend prefix by at least one bit"},
        {R"(cidrsubnets("10.0.0.0/24", 9))", nullptr, "would extend prefix to 33 bits, which is too long for an IPv4 address"},
        {R"(cidrsubnets("10.0.0.0/8"))", "list([])"},
    });
}
