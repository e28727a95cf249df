using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>The durability settings hold on every connection, also when the pool hands the same one out again.</summary>
[Collection(AppCollection.Name)]
public sealed class SqliteDurabilityTests(StretchingAppFactory app)
{
    [Fact]
    public async Task EveryConnectionWritesAheadSyncsFullyWaitsWhenBusyAndChecksForeignKeys()
    {
        for (var use = 0; use < 3; use++)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<StretchingDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
                Assert.Equal("2", await PragmaAsync(db, "synchronous"));
                Assert.Equal("5000", await PragmaAsync(db, "busy_timeout"));
                Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task<string> PragmaAsync(StretchingDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
