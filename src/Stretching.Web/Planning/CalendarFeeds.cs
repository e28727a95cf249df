using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data;
using Stretching.Web.Library;

namespace Stretching.Web.Planning;

/// <summary>
/// The secret addresses of people's calendar feeds. A token is HMAC-SHA256(server key, owner and
/// generation): 256 bits nobody can guess, shown again whenever the plan page is opened, yet never
/// stored; the database keeps only its SHA-256 to find the owner. Regenerating raises the
/// generation (every older address stops working); revoking removes the hash.
/// </summary>
public sealed class CalendarFeeds(StretchingDbContext db, CalendarFeedKey key, TimeProvider clock)
{
    private string Token(string owner, int generation) =>
        RandomIds.Base64Url(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes($"{owner}\n{generation}")));

    /// <summary>The owner's feed token, from their stored plan; null while they have no plan or turned the feed off.</summary>
    public string? Token(string owner, StoredPlan stored) => stored.FeedGeneration is { } generation ? Token(owner, generation) : null;

    /// <summary>Turns the feed on with a new address; the previous one, if any, stops working. False without a plan.</summary>
    public async Task<bool> RegenerateAsync(string owner, CancellationToken cancellationToken = default)
    {
        var settings = await db.Plans.SingleOrDefaultAsync(p => p.UserId == owner, cancellationToken);
        if (settings is null) return false;
        settings.CalendarGeneration++;
        settings.CalendarTokenHash = Hash(Token(owner, settings.CalendarGeneration));
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Gives a plan its feed when it has never had one; a feed the person turned off stays off.</summary>
    public async Task EnsureAsync(string owner, CancellationToken cancellationToken = default)
    {
        if (await db.Plans.AnyAsync(p => p.UserId == owner && p.CalendarTokenHash == null && p.CalendarGeneration == 0, cancellationToken))
        {
            await RegenerateAsync(owner, cancellationToken);
        }
    }

    public async Task RevokeAsync(string owner, CancellationToken cancellationToken = default) =>
        await db.Plans.Where(p => p.UserId == owner)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.CalendarTokenHash, (string?)null).SetProperty(x => x.CalendarGeneration, x => x.CalendarGeneration + 1), cancellationToken);

    /// <summary>Whose feed a token opens, or null; looked up by hash, so the database never holds a working address.</summary>
    public async Task<string?> OwnerAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is < 20 or > 100) return null;
        var hash = Hash(token);
        return await db.Plans.AsNoTracking().Where(p => p.CalendarTokenHash == hash).Select(p => p.UserId).SingleOrDefaultAsync(cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>
/// The server key behind feed tokens: <c>Calendar:FeedKey</c> (base64, at least 32 bytes) when set;
/// otherwise a random key made on first use and kept where every instance finds it: in the database
/// with PostgreSQL (the first instance's key wins, see <see cref="ServerSecrets"/>), beside the
/// data-protection keys with SQLite.
/// </summary>
public sealed class CalendarFeedKey(byte[] bytes)
{
    public const string SecretName = "calendar-feed-key";

    public byte[] Bytes { get; } = bytes;

    public static CalendarFeedKey Load(IConfiguration configuration, StorageOptions storage, DatabaseOptions database, IServiceProvider services)
    {
        if (configuration["Calendar:FeedKey"] is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            if (bytes.Length < 32) throw new InvalidOperationException("Calendar:FeedKey must be at least 32 bytes, base64-encoded.");
            return new CalendarFeedKey(bytes);
        }
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            using var scope = services.CreateScope();
            var stored = ServerSecrets.GetOrCreate(scope.ServiceProvider.GetRequiredService<StretchingDbContext>(), SecretName,
                () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            return new CalendarFeedKey(Convert.FromBase64String(stored));
        }
        var path = Path.Combine(storage.KeysDirectory, "calendar-feed.key");
        if (File.Exists(path)) return new CalendarFeedKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        Directory.CreateDirectory(storage.KeysDirectory);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return new CalendarFeedKey(key);
    }
}
