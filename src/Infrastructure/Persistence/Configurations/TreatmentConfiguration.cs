using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

/// <summary>A treatment case's episode in its own table, one row per case (ADR 0020).</summary>
internal sealed class TreatmentEpisodeConfiguration : IEntityTypeConfiguration<TreatmentEpisode>
{
    public void Configure(EntityTypeBuilder<TreatmentEpisode> builder)
    {
        builder.ToTable("TreatmentEpisodes");
        builder.HasKey(e => e.CaseId);
        builder.Ignore(e => e.Substances);
        builder.Property(e => e.ReferralSource).HasMaxLength(100);
        builder.Property(e => e.PrimarySubstance).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.SecondarySubstance).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.TertiarySubstance).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.InjectingStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.DischargeReason).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Case>().WithOne().HasForeignKey<TreatmentEpisode>(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);

        // A person's episodes (re-presentation), and reports by service over start and discharge dates.
        builder.HasIndex(e => new { e.PersonId, e.StartDate });
        builder.HasIndex(e => new { e.Service, e.StartDate });
        builder.HasIndex(e => new { e.Service, e.DischargedOn });

        // The treatment report's counts over the reader's own episodes (ReadableSplitByOwner): those open on a day
        // (not discharged, or discharged after it) and those discharged in a period are ranges of this index, and every
        // column the counts and the access rule read is in it, so the table is not read (docs/performance.md).
        builder.HasIndex(e => new { e.OwnerAgency, e.DischargedOn, e.StartDate, e.Service, e.OpiateClient, e.SuccessfulCompletion, e.DataCategory, e.PersonId, e.CaseId })
            .HasDatabaseName("IX_TreatmentEpisodes_OwnerAgency_DischargedOn_Counts");
    }
}

internal sealed class TreatmentInterventionConfiguration : IEntityTypeConfiguration<TreatmentIntervention>
{
    public void Configure(EntityTypeBuilder<TreatmentIntervention> builder)
    {
        builder.ToTable("TreatmentInterventions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasConversion(id => id.Value, value => new TreatmentInterventionId(value));
        builder.Ignore(i => i.IsSubstitute);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Medication).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Mode).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.CaseId, i.StartDate });
        builder.HasIndex(i => new { i.PersonId, i.StartDate });

        // The treatment report's long-term maintenance list (DT4): maintenance prescriptions only, with every column
        // the measure and the access rule read, so the list is one pass over a few rows and not a table search per
        // opiate client. Mode is in the columns too, or SQLite reads the table to check it (docs/performance.md).
        builder.HasIndex(i => new { i.Mode, i.StartDate, i.EndDate, i.Type, i.Medication, i.CaseId, i.OwnerAgency, i.DataCategory, i.PersonId })
            .HasDatabaseName("IX_TreatmentInterventions_Maintenance")
            .HasFilter("\"Mode\" = 'Maintenance'");
    }
}

internal sealed class TopRecordConfiguration : IEntityTypeConfiguration<TopRecord>
{
    public void Configure(EntityTypeBuilder<TopRecord> builder)
    {
        builder.ToTable("TopRecords");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasConversion(id => id.Value, value => new TopRecordId(value));
        builder.Property(t => t.Stage).HasConversion<string>().HasMaxLength(20);

        // Every answer is its own nullable column: null is "not answered" (DT3).
        builder.ComplexProperty(t => t.Answers, answers => answers.Property(a => a.OtherSubstanceName).HasMaxLength(100));
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.CaseId, t.CompletedOn });
        builder.HasIndex(t => new { t.PersonId, t.CompletedOn });
    }
}
