using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.GivenName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.FamilyName).HasMaxLength(100).IsRequired();
        builder.Property(p => p.SearchName).HasMaxLength(201).IsRequired();
        builder.Property(p => p.Gender).HasMaxLength(50);
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.FullName);
        builder.ComplexProperty(p => p.Identifiers, identifiers =>
        {
            identifiers.Property(i => i.Pnc).HasColumnName("Pnc").HasMaxLength(20);
            identifiers.Property(i => i.Crn).HasColumnName("Crn").HasMaxLength(20);
            identifiers.Property(i => i.NhsNumber).HasColumnName("NhsNumber").HasMaxLength(10);
            identifiers.Property(i => i.Upn).HasColumnName("Upn").HasMaxLength(13);
        });

        // The access rule filters on owner and category first; search then narrows by name.
        builder.HasIndex(p => new { p.OwnerAgency, p.DataCategory, p.FamilyName });
        builder.HasIndex(p => p.SearchName);
        builder.HasIndex(p => p.DateOfBirth);
    }
}
