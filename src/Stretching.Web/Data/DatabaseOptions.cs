namespace Stretching.Web.Data;

/// <summary>The databases the app can keep its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>One file on one machine: the default, for a single instance.</summary>
    Sqlite,

    /// <summary>A server that several app instances share.</summary>
    PostgreSql,
}

/// <summary>Which database the app uses (<c>Database:Provider</c>) and how it reaches it (<c>ConnectionStrings:Stretching</c>).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";

    /// <summary>Sqlite when unset; a name that is neither stops the app at start-up rather than guessing.</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"{ProviderKey} is '{name}': use Sqlite or PostgreSQL."),
    };
}
