using System.Security.Cryptography;

namespace Stretching.Web.Library;

/// <summary>Ids for a person's rows (saved sessions, plan slots): unguessable, so an id alone reveals nothing.</summary>
public static class RandomIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>80 random bits in base-32 (16 characters): unguessable and fine in an address.</summary>
    public static string New()
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        var id = new char[16];
        for (var i = 0; i < 16; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | (bit / 8 + 1 < 10 ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8) & 31;
            id[i] = Alphabet[value];
        }
        return new string(id);
    }

    /// <summary>Base-64url without padding: bytes as text that needs no escaping in an address.</summary>
    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
