using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>The hand-written migrations must build exactly the schema the model describes.</summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task TheMigratedSchemaEqualsTheSchemaCreatedFromTheModel()
    {
        using var migrated = new TestDatabase();
        using var created = new TestDatabase();
        await using (var db = migrated.CreateContext()) await db.Database.MigrateAsync();
        await using (var db = created.CreateContext()) await db.Database.EnsureCreatedAsync();

        var expected = await ReadSchemaAsync(created);
        var actual = await ReadSchemaAsync(migrated);

        Assert.NotEmpty(expected);
        foreach (var table in new[] { "AspNetUsers", "AspNetUserPasskeys", "AspNetUserTokens", "UserProfiles", "SavedSessions", "Favourites" })
        {
            Assert.Contains(expected, row => row.StartsWith($"table {table}:", StringComparison.Ordinal));
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task EveryMigrationIsAppliedAndNoneIsPendingAfterStartUp()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static async Task<List<string>> ReadSchemaAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ' ' || name || ': ' || sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' AND sql IS NOT NULL
            ORDER BY type, name
            """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
