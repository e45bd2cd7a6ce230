using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.ToTable("Interventions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.DrugTestResult).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Outcome).HasMaxLength(200);
        builder.Property(i => i.Notes).HasMaxLength(4000);

        // A short list of names, stored as one comma-separated column: it is shown and reported, never joined on.
        builder.Property(i => i.Substances)
            .HasConversion(
                substances => string.Join(',', substances),
                stored => stored.Length == 0 ? new List<Substance>() : stored.Split(',', StringSplitOptions.None).Select(Enum.Parse<Substance>).ToList(),
                new ValueComparer<IReadOnlyList<Substance>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, s) => HashCode.Combine(hash, s)), list => list.ToList()))
            .HasMaxLength(300);
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);

        // A case's work newest first, and a person's timeline across cases.
        builder.HasIndex(i => new { i.CaseId, i.OccurredAt });
        builder.HasIndex(i => new { i.PersonId, i.OccurredAt });

        // The partnership report counts the period's victim-sensitive work (docs/partnership-report.md).
        builder.HasIndex(i => new { i.DataCategory, i.OccurredAt });
    }
}

internal sealed class OffenceConfiguration : IEntityTypeConfiguration<Offence>
{
    public void Configure(EntityTypeBuilder<Offence> builder)
    {
        builder.ToTable("Offences");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.OffenceType).HasMaxLength(40);
        builder.Property(o => o.Outcome).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OffenceType>().WithMany().HasForeignKey(o => o.OffenceType).HasPrincipalKey(t => t.Code).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.PersonId, o.CommittedOn });
    }
}

internal sealed class OffenceTypeConfiguration : IEntityTypeConfiguration<OffenceType>
{
    public void Configure(EntityTypeBuilder<OffenceType> builder)
    {
        builder.ToTable("OffenceTypes");
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.UnitCost).HasPrecision(12, 2);
        builder.Property(t => t.Version).IsConcurrencyToken();

        // Every partnership starts from the Home Office unit costs of crime at 2003 prices (DOMAIN.md IOM7);
        // administrators change them, and add types, in the admin pages.
        builder.HasData(
            Costed("BurglaryDwelling", "Burglary in a dwelling", 3268m),
            Costed("Robbery", "Robbery", 7282m),
            Costed("Theft", "Theft (including shoplifting)", 844m),
            Costed("CriminalDamage", "Criminal damage", 866m),
            Costed("ViolenceAgainstThePerson", "Violence against the person", 10407m),
            Costed("CommonAssault", "Common assault", 1440m),
            Costed("SexualOffences", "Sexual offences", 31438m),
            Uncosted("VehicleCrime", "Vehicle crime"),
            Uncosted("DrunkAndDisorderly", "Drunk and disorderly"),
            Uncosted("PublicOrder", "Public order"),
            Uncosted("DrugPossession", "Possession of drugs"),
            Uncosted("DrugSupply", "Supply of drugs"),
            Uncosted("Fraud", "Fraud and forgery"),
            Uncosted("BreachOfOrder", "Breach of a court order or licence"),
            Uncosted("Other", "Other offence"));
    }

    private static object Costed(string code, string name, decimal unitCost) =>
        new { Code = code, Name = name, UnitCost = (decimal?)unitCost, PriceYear = (int?)2003, Version = 0 };

    private static object Uncosted(string code, string name) =>
        new { Code = code, Name = name, UnitCost = (decimal?)null, PriceYear = (int?)null, Version = 0 };
}
