using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Net.Http.Headers;
using Stretching.Core.Calendar;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;
using Stretching.Web.Accounts;

namespace Stretching.Web.Planning;

/// <summary>
/// The plan as iCalendar (RFC 5545): the subscribed feed at a secret address, read without a cookie by
/// Google, Apple and Outlook, and one occurrence as a file for its owner. Events are expanded over a
/// rolling window, since every week's session differs; each keeps its UID across requests and edits,
/// and its SEQUENCE rises when it changes. No health data: titles, times and exercise names only.
/// </summary>
public static class CalendarEndpoints
{
    public const string ProductId = "-//Stretching//Weekly plan//EN";
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(6);
    private const int WeeksBack = 2;
    private const int WeeksAhead = 8;

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/calendar/{file}", ["GET", "HEAD"], FeedAsync).ExcludeFromDescription();
        app.MapGet("/plan/occurrences/{file}", OccurrenceAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FeedAsync(string file, HttpContext http, CalendarFeeds feeds, CalendarFeedGuard guard, PlanStore store, PlannedSessions sessions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using (var check = guard.Misses.AttemptAcquire(address, 0))
        {
            if (!check.IsAcquired) return TooManyMisses(http);
        }
        var owner = file.EndsWith(".ics", StringComparison.Ordinal) ? await feeds.OwnerAsync(file[..^4], cancellationToken) : null;
        if (owner is null)
        {
            using var miss = guard.Misses.AttemptAcquire(address);
            return miss.IsAcquired
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such calendar", detail: "This calendar address does not exist or was turned off.")
                : TooManyMisses(http);
        }

        var stored = await store.LoadAsync(owner, cancellationToken);
        var today = PlanClock.Today(stored.Plan, clock);
        var from = PlanCalendar.WeekStart(today).AddDays(-7 * WeeksBack);
        var planned = await sessions.BetweenAsync(owner, stored.Plan, from, PlanCalendar.WeekStart(today).AddDays(7 * (WeeksAhead + 1)), cancellationToken);
        var calendar = new IcsCalendar
        {
            ProductId = ProductId,
            Name = "Stretching: my week",
            Description = "Sessions planned in Stretching",
            RefreshInterval = Refresh,
            TimeZoneId = stored.Plan.TimeZone,
            Events = planned.Select(p => Event(p, stored, owner, Origin(http))).ToList(),
        };
        return Calendar(http, IcsWriter.Write(calendar), attachmentName: null);
    }

    private static async Task<IResult> OccurrenceAsync(string file, HttpContext http, PlanStore store, PlannedSessions sessions, CancellationToken cancellationToken)
    {
        var owner = http.User.OwnerId();
        var stored = await store.LoadAsync(owner, cancellationToken);
        var planned = file.EndsWith(".ics", StringComparison.Ordinal) ? await sessions.FindAsync(owner, stored.Plan, file[..^4], cancellationToken) : null;
        if (planned is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such session", detail: "This planned session is not in your week.");
        }
        var calendar = IcsCalendar.ForEvent(ProductId, Event(planned, stored, owner, Origin(http)));
        return Calendar(http, IcsWriter.Write(calendar), attachmentName: $"stretching-{planned.Occurrence.LocalStart:yyyy-MM-dd-HHmm}.ics");
    }

    private static IcsEvent Event(PlannedSession planned, StoredPlan stored, string owner, string origin)
    {
        var occurrence = planned.Occurrence;
        var zone = Zones.Find(stored.Plan.TimeZone);
        var localEnd = TimeZoneInfo.ConvertTimeFromUtc(planned.End.UtcDateTime, zone);
        // A wall-clock time the zone repeats (or skips) reads differently in different apps; such an event is given in UTC.
        var inUtc = zone.IsAmbiguousTime(occurrence.LocalStart) || zone.IsInvalidTime(occurrence.LocalStart) || zone.IsAmbiguousTime(localEnd);
        var sequence = stored.Sequences.GetValueOrDefault(occurrence.Slot.Id) + stored.Sequences.GetValueOrDefault(planned.Id);
        var url = new Uri(origin + planned.PlayerPath);
        return new IcsEvent
        {
            // Slot ids are each person's own; a digest of the owner makes the UID unique across everyone's calendars.
            Uid = $"{planned.Id}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)))[..16]}@stretching",
            Stamp = new DateTimeOffset(stored.UpdatedAt, TimeSpan.Zero),
            Sequence = sequence,
            Start = inUtc ? occurrence.Start.UtcDateTime : DateTime.SpecifyKind(occurrence.LocalStart, DateTimeKind.Unspecified),
            End = inUtc ? planned.End.UtcDateTime : DateTime.SpecifyKind(localEnd, DateTimeKind.Unspecified),
            TimeZoneId = inUtc ? null : stored.Plan.TimeZone,
            Summary = $"Stretching: {planned.Title}",
            Description = Description(planned, url),
            Url = url,
            AlarmMinutes = stored.Plan.AlarmMinutes,
        };
    }

    private static string Description(PlannedSession planned, Uri url)
    {
        var text = new StringBuilder();
        if (planned.Session is { } session)
        {
            text.Append(CultureInfo.InvariantCulture, $"{planned.Minutes} minutes: ");
            text.AppendJoin(", ", session.Items.Where(i => i.Role == ItemRole.Exercise).Select(i => i.Name).Distinct());
            text.Append('.');
        }
        else
        {
            text.Append(planned.Problem);
        }
        text.Append(CultureInfo.InvariantCulture, $"\nStart it in the player: {url}");
        return text.ToString();
    }

    private static IResult Calendar(HttpContext http, string body, string? attachmentName)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.File(bytes, "text/calendar; charset=utf-8", attachmentName);
    }

    private static IResult TooManyMisses(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many wrong calendar addresses", detail: "Too many addresses that do not exist were asked for from here; try again later.");
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";
}

/// <summary>
/// Wrong feed addresses per client address (<c>RateLimits:CalendarFeed:PermitLimit</c> per
/// <c>WindowSeconds</c>, 10 per 10 minutes by default): a few mistakes pass, guessing does not.
/// Only misses count, so a calendar service fetching many people's feeds is never slowed.
/// </summary>
public sealed class CalendarFeedGuard(IConfiguration configuration)
{
    public PartitionedRateLimiter<string> Misses { get; } = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimits:CalendarFeed:PermitLimit", 10),
            Window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:CalendarFeed:WindowSeconds", 600)),
            QueueLimit = 0,
        }));
}
