using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data;
using Stretching.Web.Library;
using Stretching.Web.Planning;

namespace Stretching.Web.History;

/// <summary>
/// Read-only links to a person's report for a period, for a physiotherapist. A link's token is
/// HMAC-SHA256(server key, owner and link id), like the calendar feed's: shown again on the report
/// page for as long as the link lives, never stored (the database keeps its SHA-256). A link lasts
/// at most <see cref="LongestDays"/> days and can be revoked at any time.
/// </summary>
public sealed class ReportShares(StretchingDbContext db, CalendarFeedKey key, TimeProvider clock)
{
    public const int LongestDays = 90;
    public static readonly int[] DayChoices = [7, 30, LongestDays];

    /// <summary>A live link: its period, when it stops working, and its secret token.</summary>
    public sealed record Link(string Id, DateOnly From, DateOnly To, DateTime ExpiresAt, string Token);

    /// <summary>A link that opens a report: whose, and which days.</summary>
    public sealed record Opened(string Owner, DateOnly From, DateOnly To, DateTime ExpiresAt);

    private string Token(string owner, string id) =>
        RandomIds.Base64Url(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes($"report-share\n{owner}\n{id}")));

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task<Link> CreateAsync(string owner, DateOnly from, DateOnly to, int days, CancellationToken cancellationToken = default)
    {
        if (!DayChoices.Contains(days)) throw new ArgumentOutOfRangeException(nameof(days), days, "A link lasts 7, 30 or 90 days.");
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        var now = clock.GetUtcNow().UtcDateTime;
        // Expired links are cleared here, when the owner makes a new one, rather than on every read.
        await db.ReportShares.Where(s => s.UserId == owner && s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var id = RandomIds.New();
        var token = Token(owner, id);
        var row = new ReportShareRow { UserId = owner, Id = id, From = from, To = to, CreatedAt = now, ExpiresAt = now.AddDays(days), TokenHash = Hash(token) };
        db.ReportShares.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new Link(id, from, to, row.ExpiresAt, token);
    }

    /// <summary>The owner's links still working, newest first.</summary>
    public async Task<IReadOnlyList<Link>> ListAsync(string owner, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.ReportShares.AsNoTracking().Where(s => s.UserId == owner && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Link(r.Id, r.From, r.To, r.ExpiresAt, Token(owner, r.Id)))];
    }

    /// <summary>Stops a link working; false when the owner has no such link.</summary>
    public async Task<bool> RevokeAsync(string owner, string id, CancellationToken cancellationToken = default) =>
        await db.ReportShares.Where(s => s.UserId == owner && s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>What a token opens, or null when it is unknown, revoked or expired.</summary>
    public async Task<Opened?> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is < 20 or > 100) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ReportShares.AsNoTracking().Where(s => s.TokenHash == hash && s.ExpiresAt > now)
            .Select(s => new Opened(s.UserId, s.From, s.To, s.ExpiresAt)).SingleOrDefaultAsync(cancellationToken);
    }
}
