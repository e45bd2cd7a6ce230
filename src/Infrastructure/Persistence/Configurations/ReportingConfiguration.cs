using CaseManager.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class ReferenceFigureConfiguration : IEntityTypeConfiguration<ReferenceFigure>
{
    public void Configure(EntityTypeBuilder<ReferenceFigure> builder)
    {
        builder.ToTable("ReferenceFigures");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).HasConversion(id => id.Value, value => new ReferenceFigureId(value));
        builder.Property(f => f.Code).HasMaxLength(40);
        builder.Property(f => f.Priority).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Label).HasMaxLength(200);
        builder.Property(f => f.Source).HasMaxLength(300);
        builder.Property(f => f.Value).HasPrecision(14, 2);

        // One figure per series and date: a second one for the same day is a mistake, not a new data point.
        builder.HasIndex(f => new { f.Code, f.On }).IsUnique();
    }
}
