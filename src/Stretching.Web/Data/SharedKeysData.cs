namespace Stretching.Web.Data;

/// <summary>
/// One ASP.NET Core data-protection key as the key manager writes it (its XML), kept in the database
/// when several instances share it, so a cookie or antiforgery token one of them made the others can read.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}

/// <summary>
/// A secret the app makes once and every instance then shares, by name (the calendar feed key).
/// The first instance to store one wins; the others read it back.
/// </summary>
public sealed class ServerSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime CreatedAt { get; set; }
}
