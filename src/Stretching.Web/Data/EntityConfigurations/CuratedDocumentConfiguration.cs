using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stretching.Web.Data.EntityConfigurations;

/// <summary>One table per kind of curated document, each with a unique slug.</summary>
public sealed class CuratedDocumentConfiguration<TDocument>(string table) : IEntityTypeConfiguration<TDocument>
    where TDocument : CuratedDocument
{
    public void Configure(EntityTypeBuilder<TDocument> builder)
    {
        builder.ToTable(table);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Slug).HasMaxLength(100).IsRequired();
        builder.HasIndex(d => d.Slug).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Document).IsRequired();
        builder.Property(d => d.UpdatedAt).IsRequired();
    }
}
