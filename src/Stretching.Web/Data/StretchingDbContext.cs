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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new CuratedDocumentConfiguration<ExerciseEntity>("Exercises"));
        modelBuilder.ApplyConfiguration(new CuratedDocumentConfiguration<RoutineEntity>("Routines"));
        modelBuilder.ApplyConfiguration(new UserProfileConfiguration());
        modelBuilder.ApplyConfiguration(new SavedSessionConfiguration());
        modelBuilder.ApplyConfiguration(new FavouriteConfiguration());
    }
}
