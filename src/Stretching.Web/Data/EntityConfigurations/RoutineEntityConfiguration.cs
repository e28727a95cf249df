using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stretching.Web.Data.EntityConfigurations;

public sealed class RoutineEntityConfiguration : IEntityTypeConfiguration<RoutineEntity>
{
    public void Configure(EntityTypeBuilder<RoutineEntity> builder)
    {
        builder.ToTable("Routines");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Slug).HasMaxLength(100).IsRequired();
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Document).IsRequired();
        builder.Property(r => r.UpdatedAt).IsRequired();
    }
}
