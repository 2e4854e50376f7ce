using Dnsbl.Client.Lists;
using Dnsbl.Client.Messages;

namespace Dnsbl.Client.Tests.Messages;

public class KeyHasherTests
{
    // Expected values computed independently: printf '%s' test@example.com | sha1sum (sha256sum, md5sum for example.com),
    // and base32 via: ... | xxd -r -p | base32 | tr A-Z a-z.
    [Fact]
    public void Hash_Sha1Hex_MatchesCoreutils()
        => Assert.Equal("567159d622ffbb50b11b0efd307be358624a26ee", KeyHasher.Hash("test@example.com", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex, 0));

    [Fact]
    public void Hash_UpperCaseInput_IsLowerCasedFirst()
        => Assert.Equal("567159d622ffbb50b11b0efd307be358624a26ee", KeyHasher.Hash(" Test@Example.COM ", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex, 0));

    [Fact]
    public void Hash_Sha256Hex_MatchesCoreutils()
        => Assert.Equal("973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b", KeyHasher.Hash("test@example.com", KeyHashAlgorithm.Sha256, KeyHashEncoding.Hex, 0));

    [Fact]
    public void Hash_Md5Hex_MatchesCoreutils()
        => Assert.Equal("5ababd603b22780302dd8d83498e5172", KeyHasher.Hash("example.com", KeyHashAlgorithm.Md5, KeyHashEncoding.Hex, 0));

    [Fact]
    public void Hash_Sha1Base32_MatchesCoreutilsWithoutPadding()
        => Assert.Equal("kzyvtvrc765vbmi3b36ta67dlbreujxo", KeyHasher.Hash("test@example.com", KeyHashAlgorithm.Sha1, KeyHashEncoding.Base32, 0));

    [Fact]
    public void Hash_LengthGiven_CutsEncodedText()
        => Assert.Equal("567159d622", KeyHasher.Hash("test@example.com", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex, 10));

    [Fact]
    public void Hash_LengthLongerThanHash_KeepsAll()
        => Assert.Equal(40, KeyHasher.Hash("test@example.com", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex, 100).Length);

    [Fact]
    public void Hash_None_ReturnsLowerCasedKey()
        => Assert.Equal("example.com", KeyHasher.Hash("Example.COM", KeyHashAlgorithm.None, KeyHashEncoding.Hex, 4));

    [Fact]
    public void Hash_NegativeLength_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => KeyHasher.Hash("x", KeyHashAlgorithm.Sha1, KeyHashEncoding.Hex, -1));

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "my")]
    [InlineData("fo", "mzxq")]
    [InlineData("foo", "mzxw6")]
    [InlineData("foob", "mzxw6yq")]
    [InlineData("fooba", "mzxw6ytb")]
    [InlineData("foobar", "mzxw6ytboi")]
    public void ToBase32_Rfc4648Vectors_MatchWithoutPadding(string input, string expected)
        => Assert.Equal(expected, KeyHasher.ToBase32(System.Text.Encoding.ASCII.GetBytes(input)));

    [Fact]
    public void Apply_ListWithHashSettings_UsesThem()
    {
        var list = new DnsList("hbl.test", DnsListKind.DomainBlockList) { KeyHash = KeyHashAlgorithm.Sha1, KeyHashEncoding = KeyHashEncoding.Base32, KeyHashLength = 8 };
        Assert.Equal("kzyvtvrc", KeyHasher.Apply("test@example.com", list));
    }

    // Vectors computed by a separate transcription of rspamd's rspamd_encode_base32_buf (str_util.c): byte-wise,
    // low bits first.
    [Theory]
    [InlineData("test", "wm3g84b")]
    [InlineData("\u0000\u00ff", "ya9b")]
    public void ToRspamdZBase32_RspamdVectors_Match(string input, string expected)
        => Assert.Equal(expected, KeyHasher.ToRspamdZBase32(System.Text.Encoding.Latin1.GetBytes(input)));

    [Fact]
    public void Hash_RspamdFormats_ZBase32AndBase64()
    {
        Assert.Equal("skh1fmmr99qbiaqdqe9bu7pha1awrua7", KeyHasher.Hash("test@example.com", KeyHashAlgorithm.Sha1, KeyHashEncoding.ZBase32, 0));
        Assert.Equal("VnFZ1iL/u1CxGw79MHvjWGJKJu4=", KeyHasher.Hash("test@example.com", KeyHashAlgorithm.Sha1, KeyHashEncoding.Base64, 0));
    }
}
