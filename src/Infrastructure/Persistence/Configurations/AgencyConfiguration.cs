using CaseManager.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Name).HasMaxLength(120).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.OwnsMany(a => a.Schemes, schemes =>
        {
            schemes.ToTable("AgencySchemes");
            schemes.WithOwner().HasForeignKey("AgencyCode");
            schemes.Property(s => s.Scheme);
            schemes.HasKey("AgencyCode", nameof(AgencyScheme.Scheme));
        });
        builder.Navigation(a => a.Schemes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
