using Npgsql;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>PostgreSQL connections are tuned for short requests unless the connection string decides otherwise.</summary>
public sealed class ServerDefaultsTests
{
    [Theory]
    [InlineData("Host=db;Database=stretching;Username=app", StretchingDatabase.AutoPreparedStatements, true)]
    [InlineData("Host=db;Database=stretching;Username=app;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;Database=stretching;Username=app;MaxAutoPrepare=10;No Reset On Close=false", 10, false)]
    [InlineData("Host=db;Database=stretching;Username=app;max auto prepare=5;noresetonclose=False", 5, false)]
    public void PreparationAndNoResetAreOnUnlessTheConnectionStringSetsThem(string given, int prepared, bool noReset)
    {
        var resolved = new NpgsqlConnectionStringBuilder(StretchingDatabase.WithServerDefaults(given));

        Assert.Equal(prepared, resolved.MaxAutoPrepare);
        Assert.Equal(noReset, resolved.NoResetOnClose);
        Assert.Equal("db", resolved.Host);
        Assert.Equal("stretching", resolved.Database);
    }
}
