using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);

        // "Is this person enrolled in this scheme?" is asked inside every shared read.
        builder.HasIndex(c => new { c.PersonId, c.Scheme, c.Status });
        builder.HasIndex(c => new { c.OwnerAgency, c.Status });

        // Caseloads (GET /cases?scheme=&status=) page by start date; the access rule then reads owner, category and
        // person of every candidate row, which this index carries so that counting never visits the table
        // (docs/performance.md).
        builder.HasIndex(c => new { c.Scheme, c.Status, c.StartDate, c.OwnerAgency, c.DataCategory, c.PersonId });
    }
}
