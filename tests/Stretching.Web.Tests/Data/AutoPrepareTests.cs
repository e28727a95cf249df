using Npgsql;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>PostgreSQL connections prepare EF Core's statements unless the connection string decides otherwise.</summary>
public sealed class AutoPrepareTests
{
    [Theory]
    [InlineData("Host=db;Database=stretching;Username=app", StretchingDatabase.AutoPreparedStatements)]
    [InlineData("Host=db;Database=stretching;Username=app;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=stretching;Username=app;MaxAutoPrepare=10", 10)]
    [InlineData("Host=db;Database=stretching;Username=app;max auto prepare=5", 5)]
    public void AutomaticPreparationIsOnUnlessTheConnectionStringSetsIt(string given, int expected)
    {
        var resolved = new NpgsqlConnectionStringBuilder(StretchingDatabase.WithAutoPrepare(given));

        Assert.Equal(expected, resolved.MaxAutoPrepare);
        Assert.Equal("db", resolved.Host);
        Assert.Equal("stretching", resolved.Database);
    }
}
