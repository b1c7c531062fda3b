// Hashing, crypto and UUID functions: digests of the doc pages, bcrypt against published
// vectors, rsadecrypt with a key and ciphertext made by the openssl CLI.
#include "stdlib_test_util.hpp"

#include <regex>

#include "stdlib/fn_util.hpp"

using hjob::testing::check_cases;
using hjob::testing::eval_expr;

namespace {

// A throwaway 1024-bit RSA key (openssl genrsa -traditional) and "Hello, world!" encrypted
// to it with PKCS #1 v1.5 padding (openssl pkeyutl -encrypt).
const std::string key = "-----BEGIN RSA PRIVATE KEY-----\nMIICXwIBAAKBgQDoCmxNhST9xhJJ3HrM7thE/4s+2CrDnaJRDC8lRC1mUEG1Gzwc\nVyHw1dKVf3+nUqOCycmW42hClnWBqmMYq6ApzIXZs8fGmm/isIu3LGIX6R1ZrVSP\nFqDu3NNm49B6YRbYWk6DYIY4/awu8WvTbH/tZOty7qPjF4QNjDlNt6nrPwIDAQAB\nAoGBAMG2seOlm9QgX3Q6FGqxmus/S0gTvt+/4Zo3ycQavqwDpFdFfVFLjJI6b6tO\n3YsaelbdjuXgw1GTulWdoU0fOn0TuGRblst+YtuUiuYtowY5s6Qh56Y29dw/dbeO\nd0ctW29k/8kLYWyqX7r5jF2xox3O+U+xfA8TVaz8T/MBTkpBAkEA9+1k5x26/sQc\nme62Zd1D9WORWa1927NK7Mi7Ecybvxj+7cIzWCnZi57+C6xUH7atNdzZfnNkD9iF\nKKIWYBAmWwJBAO+Ymwlm+Ifggb1YHV8M1s/uf1hZ9MArIHNFOFJp4keK8nbYiLpX\nGDs63vO2oRxYSEv/EjgsTRkXX7ppI98Zi+0CQQCu8RAWFOByDKex5sNFtY/Sg2N4\nx/bbI/RmiG2X7ayod1bLJhFc0Ir0/kd8rSjfB+PI8gF2PK4KkFnFhjoLptmpAkEA\nrWCA0AzzS1/qglmA54ci6tRq0kRGF8kdckxktT5pv9uMGPQX/L+JiVLQgwtlCl3X\n8yZgyMVGBSIk43+xtX+HAQJBALfGwOYngJA4x6YzSlwdKPqPI92TwvZeCD/ysBso\nkG/UErEVfUEfBdRHvge2gMtmEtlZ6IXKlWAmB4gfw2ycz88=\n-----END RSA PRIVATE KEY-----\n";
const std::string ciphertext = "mY/oaREI3W+AKgvXcRH+dkcnV9wWvFGktkhaDPVr1huRZksdy5Qd0k3PkAKxc/WLPrJNONx6IfAmnDRfZicyVJsOUvMc66KHHJgL6kSuGfPooo9IfTVAW7AkW0fcUQjkWjO2VCz60ujOelV2AMJq9Gp0uYcR1LmhN6erF8z8NUc=";

/// The key as an HCL quoted string: its newlines escaped.
std::string hcl_key() {
    std::string out;
    for (char c : key) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return out;
}

}  // namespace

TEST_CASE("hash functions") {
    check_cases({
        {R"(md5("hello world"))", R"("5eb63bbbe01eeed093cb22bb8f5acdc3")"},
        {R"(sha1("hello world"))", R"("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")"},
        {R"(sha256("hello world"))", R"("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")"},
        {R"(sha512("hello world"))",
         R"("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f")"},
        {R"(sha256(""))", R"("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")"},
    });
}

TEST_CASE("rsadecrypt") {
    const auto ok = eval_expr("rsadecrypt(\"" + ciphertext + "\", \"" + hcl_key() + "\")");
    CHECK(ok.error == "");
    CHECK(ok.value == R"("Hello, world!")");
    CHECK_THAT(eval_expr("rsadecrypt(\"not base64!\", \"" + hcl_key() + "\")").error, Catch::Contains("cipher text must be base64-encoded"));
    CHECK_THAT(eval_expr(R"(rsadecrypt("AAAA", "no key here"))").error, Catch::Contains("failed to parse key: no key found"));
    CHECK_THAT(eval_expr("rsadecrypt(\"AAAA\", \"" + hcl_key() + "\")").error, Catch::Contains("crypto/rsa: decryption error"));
}

TEST_CASE("bcrypt matches published vectors and Go's format") {
    // OpenBSD / John the Ripper vectors: salt "CCCCCCCCCCCCCCCCCCCCC." decodes to these bytes.
    const unsigned char salt[16] = {0x10, 0x41, 0x04, 0x10, 0x41, 0x04, 0x10, 0x41, 0x04, 0x10, 0x41, 0x04, 0x10, 0x41, 0x04, 0x10};
    CHECK(hjob::cty::fn::bcrypt_hash("U*U", 5, salt) == "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW");
    CHECK(hjob::cty::fn::bcrypt_hash("", 5, salt) == "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy");
    const auto h = eval_expr(R"(bcrypt("hello world", 4))");
    CHECK(h.error == "");
    CHECK(std::regex_match(h.value, std::regex(R"re("\$2a\$04\$[./A-Za-z0-9]{53}")re")));
    CHECK_THAT(eval_expr(R"(bcrypt("x", 40))").error, Catch::Contains("is outside allowed range (4,31)"));
    CHECK_THAT(eval_expr(R"(bcrypt("x", 4, 5))").error, Catch::Contains("bcrypt() takes no more than two arguments"));
}

TEST_CASE("uuid functions") {
    check_cases({
        {R"(uuidv5("dns", "nomadproject.io"))", R"("d2616d48-e1cb-5b87-8a8c-46355decc76a")"},
        {R"(uuidv5("url", "https://nomadproject.io/"))", R"("a1572394-3948-5251-b0c7-b4ded43587b4")"},
        {R"(uuidv5("oid", "1.3.6.1.4"))", R"("af9d40a5-7a36-5c07-b23a-851cd99fbfa5")"},
        {R"(uuidv5("x500", "CN=Example,C=GB"))", R"("84e09961-4aa4-57f8-95b7-03edb1073253")"},
        {R"(uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "nomadproject.io"))", R"("d2616d48-e1cb-5b87-8a8c-46355decc76a")"},
        {R"(uuidv5("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "nomadproject.io"))", R"("d2616d48-e1cb-5b87-8a8c-46355decc76a")"},
        {R"(uuidv5("nope", "x"))", nullptr, "uuidv5() doesn't support namespace nope (invalid UUID length: 4)"},
    });
    const auto a = eval_expr("uuidv4()"), b = eval_expr("uuidv4()");
    CHECK(std::regex_match(a.value, std::regex(R"re("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")re")));
    CHECK(a.value != b.value);
}
