using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data.EntityConfigurations;

namespace Stretching.Web.Data;

/// <summary>
/// The catalog seeded from data/, the accounts (ASP.NET Core Identity) and what each person keeps.
/// Identity reads its schema version (3, with passkeys) from the IdentityOptions of the services the
/// context is created with: the app's, or in tests a small provider holding the same options.
/// </summary>
public sealed class StretchingDbContext(DbContextOptions<StretchingDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<ExerciseEntity> Exercises => Set<ExerciseEntity>();
    public DbSet<RoutineEntity> Routines => Set<RoutineEntity>();
    public DbSet<UserProfile> Profiles => Set<UserProfile>();
    public DbSet<SavedSession> SavedSessions => Set<SavedSession>();
    public DbSet<Favourite> Favourites => Set<Favourite>();
    public DbSet<PlanSettings> Plans => Set<PlanSettings>();
    public DbSet<PlanSlotRow> PlanSlots => Set<PlanSlotRow>();
    public DbSet<PlanExceptionRow> PlanExceptions => Set<PlanExceptionRow>();
    public DbSet<SessionRecordRow> SessionRecords => Set<SessionRecordRow>();
    public DbSet<ExerciseReturn> ExerciseReturns => Set<ExerciseReturn>();
    public DbSet<ReportShareRow> ReportShares => Set<ReportShareRow>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ServerSecret> ServerSecrets => Set<ServerSecret>();

    /// <summary>
    /// Every DateTime the app stores is UTC. SQLite keeps no kind, so reading marks it UTC again and the
    /// JSON says so ("...Z") instead of passing a local-looking time on; PostgreSQL's timestamptz, which
    /// Npgsql maps DateTime to, accepts only Kind=Utc, so writing makes a local time UTC and takes an
    /// unspecified one as the UTC it is by the app's convention (rather than as the server's local time).
    /// Both then store the same instants and sort and compare them alike in queries.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new CuratedDocumentConfiguration<ExerciseEntity>("Exercises"));
        modelBuilder.ApplyConfiguration(new CuratedDocumentConfiguration<RoutineEntity>("Routines"));
        modelBuilder.ApplyConfiguration(new UserProfileConfiguration());
        modelBuilder.ApplyConfiguration(new SavedSessionConfiguration());
        modelBuilder.ApplyConfiguration(new FavouriteConfiguration());
        modelBuilder.ApplyConfiguration(new PlanSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new PlanSlotConfiguration());
        modelBuilder.ApplyConfiguration(new PlanExceptionConfiguration());
        modelBuilder.ApplyConfiguration(new SessionRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ExerciseReturnConfiguration());
        modelBuilder.ApplyConfiguration(new ReportShareConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        modelBuilder.ApplyConfiguration(new ServerSecretConfiguration());
    }
}
