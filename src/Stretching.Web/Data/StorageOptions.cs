namespace Stretching.Web.Data;

/// <summary>
/// Folders the app writes on its own machine: data-protection keys and the calendar feed key with
/// SQLite (so a restart signs no one out; with PostgreSQL they live in the database, shared by every
/// instance) and the email outbox. By default the folder holding the SQLite file, or App_Data under
/// the content root with PostgreSQL; Storage:Directory overrides it.
/// </summary>
public sealed record StorageOptions(string Directory)
{
    public string KeysDirectory => Path.Combine(Directory, "keys");

    public string OutboxDirectory => Path.Combine(Directory, "mail");
}
