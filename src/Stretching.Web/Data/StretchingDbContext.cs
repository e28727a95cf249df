using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data.EntityConfigurations;

namespace Stretching.Web.Data;

public sealed class StretchingDbContext(DbContextOptions<StretchingDbContext> options) : DbContext(options)
{
    public DbSet<ExerciseEntity> Exercises => Set<ExerciseEntity>();
    public DbSet<RoutineEntity> Routines => Set<RoutineEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CuratedDocumentConfiguration<ExerciseEntity>("Exercises"));
        modelBuilder.ApplyConfiguration(new CuratedDocumentConfiguration<RoutineEntity>("Routines"));
    }
}
