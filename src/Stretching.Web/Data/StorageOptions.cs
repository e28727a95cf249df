namespace Stretching.Web.Data;

/// <summary>
/// Folders the app writes beside its database: data-protection keys (so a restart signs no one out)
/// and the email outbox. By default the folder holding the SQLite file; Storage:Directory overrides it.
/// </summary>
public sealed record StorageOptions(string Directory)
{
    public string KeysDirectory => Path.Combine(Directory, "keys");

    public string OutboxDirectory => Path.Combine(Directory, "mail");
}
