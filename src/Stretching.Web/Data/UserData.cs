namespace Stretching.Web.Data;

/// <summary>
/// A person's defaults for the session builder. Conditions are health data: stored only after the
/// person consents (<see cref="HealthConsentAt"/>), shown and exported with their data, and deleted
/// with the account or on their own. Times are UTC.
/// </summary>
public sealed class UserProfile
{
    public required string UserId { get; set; }
    public required string Level { get; set; }

    /// <summary>Equipment ids as a JSON array.</summary>
    public required string Equipment { get; set; }

    /// <summary>Condition ids as a JSON array; null without consent.</summary>
    public string? Conditions { get; set; }
    public DateTime? HealthConsentAt { get; set; }

    /// <summary>An IANA time-zone id.</summary>
    public string? TimeZone { get; set; }
    public bool PreferFavourites { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A session a person keeps under a name: what it was made from (a routine or a builder request) and
/// the timeline it plays, kept as it was so a later catalog never changes it. Revision rises with
/// every change, so two edits from stale copies cannot overwrite each other.
/// </summary>
public sealed class SavedSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Source { get; set; }
    public required string Document { get; set; }
    public required string CatalogVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

public sealed class Favourite
{
    public required string UserId { get; set; }
    public required string Slug { get; set; }
    public DateTime CreatedAt { get; set; }
}
