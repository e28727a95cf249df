namespace Stretching.Core.Calendar;

/// <summary>
/// A published calendar (RFC 5545 with the RFC 7986 calendar properties): its name, what it is,
/// how often a subscribed client should fetch it again, and its events. <see cref="TimeZoneId"/>
/// only tells clients which zone to show it in (X-WR-TIMEZONE); each event names its own zone.
/// </summary>
public sealed record IcsCalendar
{
    /// <summary>PRODID, such as "-//Stretching//Weekly plan//EN".</summary>
    public required string ProductId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>How often a subscribed client should fetch the calendar again; null for a one-off download.</summary>
    public TimeSpan? RefreshInterval { get; init; }
    /// <summary>An IANA zone id, or null.</summary>
    public string? TimeZoneId { get; init; }
    public IReadOnlyList<IcsEvent> Events { get; init; } = [];

    /// <summary>A calendar of one event, named after it, for downloading a single occurrence as an .ics file.</summary>
    public static IcsCalendar ForEvent(string productId, IcsEvent calendarEvent) => new()
    {
        ProductId = productId,
        Name = calendarEvent.Summary,
        TimeZoneId = calendarEvent.TimeZoneId,
        Events = [calendarEvent],
    };
}

/// <summary>RFC 5545 §3.8.1.11: the statuses a VEVENT may have.</summary>
public enum IcsStatus { Tentative, Confirmed, Cancelled }

/// <summary>
/// One VEVENT. With a <see cref="TimeZoneId"/> (IANA), <see cref="Start"/> and <see cref="End"/> are
/// wall-clock times in that zone (<see cref="DateTimeKind.Unspecified"/>); without one they are UTC
/// (<see cref="DateTimeKind.Utc"/>). A wall-clock time the zone skips or repeats when its clocks
/// change is refused, since calendar apps read it differently; give such an event in UTC.
/// </summary>
public sealed record IcsEvent
{
    /// <summary>Stays the same across every version of the event, so clients update it rather than add a copy.</summary>
    public required string Uid { get; init; }
    /// <summary>DTSTAMP: when this version of the event was written.</summary>
    public required DateTimeOffset Stamp { get; init; }
    /// <summary>Goes up each time the event's time or content changes (RFC 5545 §3.8.7.4).</summary>
    public int Sequence { get; init; }
    public required DateTime Start { get; init; }
    /// <summary>Must be after <see cref="Start"/>.</summary>
    public required DateTime End { get; init; }
    public string? TimeZoneId { get; init; }
    public required string Summary { get; init; }
    public string? Description { get; init; }
    /// <summary>An absolute address where the event can be opened.</summary>
    public Uri? Url { get; init; }
    public string? Location { get; init; }
    /// <summary>A reminder this many minutes before the start (a VALARM that displays the summary), or none.</summary>
    public int? AlarmMinutes { get; init; }
    public IcsStatus? Status { get; init; }
}
