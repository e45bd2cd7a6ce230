using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

// Outcome records (DOMAIN.md TF1, TF2, TF4): each indexed by person (or case) and date, the order eligibility, results
// and the timeline read them in.
internal sealed class AsbRecordConfiguration : IEntityTypeConfiguration<AsbRecord>
{
    public void Configure(EntityTypeBuilder<AsbRecord> builder)
    {
        builder.ToTable("AsbRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, value => new AsbRecordId(value));
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.OccurredOn });

        // The partnership report's ASB section reads the period's records of a kind (docs/performance.md).
        builder.HasIndex(r => new { r.Kind, r.OccurredOn });
    }
}

internal sealed class EducationRecordConfiguration : IEntityTypeConfiguration<EducationRecord>
{
    public void Configure(EntityTypeBuilder<EducationRecord> builder)
    {
        builder.ToTable("EducationRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, value => new EducationRecordId(value));
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Term).HasMaxLength(12);
        builder.Ignore(r => r.CountsIn);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.Day });
    }
}

internal sealed class EmploymentRecordConfiguration : IEntityTypeConfiguration<EmploymentRecord>
{
    public void Configure(EntityTypeBuilder<EmploymentRecord> builder)
    {
        builder.ToTable("EmploymentRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, value => new EmploymentRecordId(value));
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Benefit).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Detail).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.From });
    }
}

internal sealed class LocalCriterionRecordConfiguration : IEntityTypeConfiguration<LocalCriterionRecord>
{
    public void Configure(EntityTypeBuilder<LocalCriterionRecord> builder)
    {
        builder.ToTable("LocalCriterionRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasConversion(id => id.Value, value => new LocalCriterionRecordId(value));
        builder.Property(r => r.Criterion).HasMaxLength(40);
        builder.Property(r => r.Evidence).HasMaxLength(LocalCriterionRecord.MaxEvidenceLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.On });
        builder.HasIndex(r => new { r.PersonId, r.On });
    }
}
