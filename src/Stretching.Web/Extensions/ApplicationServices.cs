using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Serilog;
using Stretching.Core.Catalog;
using Stretching.Web.Accounts;
using Stretching.Web.Apis;
using Stretching.Web.Catalog;
using Stretching.Web.Data;
using Stretching.Web.Figures;
using Stretching.Web.History;
using Stretching.Web.Library;
using Stretching.Web.Planning;
using Stretching.Web.Sessions;

namespace Stretching.Web.Extensions;

public static class ApplicationServices
{
    public const string ConnectionStringName = "Stretching";

    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddSerilogLogging();

        builder.Services.AddRazorComponents();
        // Compression for anonymous responses only, forwarded headers, bad requests as 4xx (Security.cs).
        builder.AddSecurity();
        // Anonymous pages and API reads made once and kept compressed (OutputCaching.cs).
        builder.AddOutputCaching();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options =>
        {
            // The document is the API's: the account pages' form posts are for the pages, not for clients.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddSchemaTransformer<OpenApiSchemaFixes>();
            options.AddOperationTransformer<OpenApiResponseFixes>();
        });
        builder.Services.ConfigureHttpJsonOptions(options => CatalogJson.Configure(options.SerializerOptions));
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });

        var database = builder.ResolveDatabase();
        var storage = new StorageOptions(builder.Configuration["Storage:Directory"] is { Length: > 0 } directory
            ? directory
            : database.Provider == DatabaseProvider.Sqlite
                ? Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)) ?? builder.Environment.ContentRootPath
                : Path.Combine(builder.Environment.ContentRootPath, "App_Data"));
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(storage);
        // Pooled: each request leases a context with its options and EF Core's services already built.
        builder.Services.AddDbContextPool<StretchingDbContext>(options => StretchingDatabase.Configure(options, database));
        builder.Services.AddSingleton<SignedInQueries>();
        builder.Services.AddHealthChecks().AddDbContextCheck<StretchingDbContext>("database");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new CatalogOptions(
            builder.Configuration["Catalog:DataDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "data")));
        builder.Services.AddScoped<CatalogSeeder>();
        builder.Services.AddSingleton<CatalogStore>();
        builder.Services.AddSingleton(services => new FigureImages(() => services.GetRequiredService<CatalogStore>().Current));
        builder.Services.AddScoped<SessionLibrary>();
        builder.Services.AddScoped<Profiles>();
        builder.Services.AddScoped<PlanStore>();
        builder.Services.AddScoped<HistoryStore>();
        builder.Services.AddScoped<Progress>();
        builder.Services.AddScoped<ProgressReports>();
        builder.Services.AddSingleton<ReportSectionHtml>();
        builder.Services.AddScoped<ReportShares>();
        builder.Services.AddSingleton<RecordCache>();
        builder.Services.AddSingleton<ProgressCache>();
        builder.Services.AddScoped<PlannedSessions>();
        builder.Services.AddSingleton<PlanGenerator>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddSingleton<CalendarFeedGuard>();
        builder.Services.AddSingleton(services => CalendarFeedKey.Load(builder.Configuration, storage, database, services));
        builder.AddAccounts(storage, database);
        return builder;
    }

    private static void AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }

    /// <summary>
    /// The provider from Database:Provider (SQLite unless it says PostgreSQL) and ConnectionStrings:Stretching.
    /// SQLite falls back to a file in the app's App_Data folder, created because SQLite creates the file but
    /// not its directory; PostgreSQL has no sensible default server, so it needs the connection string.
    /// </summary>
    private static DatabaseOptions ResolveDatabase(this WebApplicationBuilder builder)
    {
        var provider = DatabaseOptions.ParseProvider(builder.Configuration[DatabaseOptions.ProviderKey]);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException($"{DatabaseOptions.ProviderKey} is PostgreSQL: set ConnectionStrings:{ConnectionStringName}, such as \"Host=db;Database=stretching;Username=stretching;Password=...\".")
                : new DatabaseOptions(provider, StretchingDatabase.WithServerDefaults(connectionString));
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "App_Data", "stretching.db")}";
        }
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource is not ("" or ":memory:"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dataSource))!);
        }
        return new DatabaseOptions(provider, connectionString);
    }
}
