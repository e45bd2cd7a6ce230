using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Infrastructure.Persistence;
using CaseManager.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Benchmarks;

/// <summary>What each generated family holds.</summary>
public enum FamilyShape
{
    /// <summary>
    /// The claim preparation's families (<see cref="ClaimPreparationRun"/>): a parent and a child, all attached to
    /// the programme by a council Troubled Families case, two ASB incidents before entry; for one family in three a
    /// third incident since, for another one in three a benefit then work since entry.
    /// </summary>
    Claims,

    /// <summary>
    /// National-scale households for eligibility (<see cref="EligibilityRun"/>): four members (two adults, two
    /// children) and twenty outcome records each, owned by the agencies that record them, half of the households
    /// attached to the programme (<see cref="FamilyGenerator.EligibilityRecordsPerHousehold"/>).
    /// </summary>
    Eligibility,
}

/// <summary>
/// Makes Troubled Families households through the domain (<see cref="Household.Record"/>, <see cref="Case.OpenForHousehold"/>
/// and the outcome records' own factories) on top of the demo partnership, written in batches of 2,000 households by
/// <see cref="BulkSave"/> with their sharing rights and case readers: one generator for the claim preparation and the eligibility runs, each asking for its <see cref="FamilyShape"/>.
/// </summary>
public static class FamilyGenerator
{
    /// <summary>People per household in the <see cref="FamilyShape.Eligibility"/> shape.</summary>
    public const int EligibilityMembers = 4;

    /// <summary>
    /// Outcome records per household in the <see cref="FamilyShape.Eligibility"/> shape: 3 ASB, 2 offences, 10
    /// education (each child's attendance in the last three terms and two exclusions), 4 employment spells and one
    /// local criterion (a fourth ASB record for a household not attached, which has no case to record it on).
    /// </summary>
    public const int EligibilityRecordsPerHousehold = 20;

    private const int Batch = 2_000;

    /// <summary>
    /// The demo partnership, then the households; returns the council claims officer's id (the recorder).
    /// <paramref name="progress"/> hears 0 once the partnership is seeded, then the households made after each batch.
    /// </summary>
    public static async Task<Guid> GenerateAsync(BenchmarkHost host, int families, FamilyShape shape, Action<int>? progress = null)
    {
        using (var session = host.Open(Actor.System))
        {
            await DatabaseMigrator.MigrateAsync(session.Db, CancellationToken.None);
            await session.Scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        Guid officer;
        using (var session = host.Open(Actor.System))
        {
            officer = await session.Db.Users.Where(u => u.Email == "claims@council.demo").Select(u => u.Id).SingleAsync();
        }

        progress?.Invoke(0);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        using (var session = host.Open(Actor.System))
        {
            // One context for the whole load: the families are built through the domain and written in bulk with the
            // sharing rights and case readers the save would derive (BulkSave), which the product then checks.
            var db = session.Db;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var synchronous = await BulkSave.BeginGenerationAsync(db);
            var facts = await BulkSave.SharedFacts.LoadAsync(db);
            for (var start = 0; start < families; start += Batch)
            {
                for (var i = start; i < Math.Min(start + Batch, families); i++)
                {
                    if (shape == FamilyShape.Claims)
                    {
                        AddClaimsFamily(db, i, officer, now, today);
                    }
                    else
                    {
                        AddEligibilityFamily(db, i, officer, now, today);
                    }
                }

                await BulkSave.InsertAddedAsync(db, BulkSave.DeriveAccess(db, facts));
                progress?.Invoke(Math.Min(start + Batch, families));
            }

            await BulkSave.CheckDerivedAccessAsync(db);
            await BulkSave.EndGenerationAsync(db, synchronous);
        }

        return officer;
    }

    private static void AddClaimsFamily(CaseDbContext db, int i, Guid officer, DateTimeOffset now, DateOnly today)
    {
        var council = AgencyCode.Parse("COUNCIL");
        var attached = today.AddDays(-200 - (i % 400));
        var parent = Person.Register(new PersonDetails("Parent", $"Family{i}", new DateOnly(1985, 1, 1).AddDays(i % 3000), "Female", null, null), council, officer, now);
        var child = Person.Register(new PersonDetails("Child", $"Family{i}", new DateOnly(2013, 1, 1).AddDays(i % 1500), "Male", null, null), council, officer, now);
        db.People.AddRange(parent, child);
        var household = Household.Record($"Family {i}", null, council, officer, now);
        household.AddMember(parent.Id, parent.DateOfBirth, Relationship.ParentCarer, attached.AddYears(-1), null);
        household.AddMember(child.Id, child.DateOfBirth, Relationship.Child, attached.AddYears(-1), null);
        db.Households.Add(household);
        db.Cases.Add(Case.OpenForHousehold(household.Id, Scheme.TroubledFamilies, council, attached, null, null, now, today));
        db.AsbRecords.Add(AsbRecord.Record(parent.Id, AsbKind.Incident, attached.AddDays(-30), null, council, officer, now, today));
        db.AsbRecords.Add(AsbRecord.Record(parent.Id, AsbKind.Incident, attached.AddDays(-60), null, council, officer, now, today));
        if (i % 3 == 0)
        {
            db.AsbRecords.Add(AsbRecord.Record(parent.Id, AsbKind.Incident, today.AddDays(-20), null, council, officer, now, today));
        }

        if (i % 3 == 1)
        {
            db.EmploymentRecords.Add(EmploymentRecord.Record(parent.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.Jsa, attached.AddYears(-1), attached.AddDays(10), null, council, officer, now, today));
            db.EmploymentRecords.Add(EmploymentRecord.Record(parent.Id, EmploymentKind.InWork, null, attached.AddDays(11), null, null, council, officer, now, today));
        }
    }

    /// <summary>
    /// One household of four with twenty records, varied with <paramref name="i"/> so that about a third meet each
    /// national criterion and the phases' answers differ: the records belong to the agencies that hold them (ASB to
    /// housing, offences to the police, education and benefits to the council, the local criterion to children's
    /// social care), so a reader of another agency reads them through the sharing agreements.
    /// </summary>
    private static void AddEligibilityFamily(CaseDbContext db, int i, Guid officer, DateTimeOffset now, DateOnly today)
    {
        var council = AgencyCode.Parse("COUNCIL");
        var housing = AgencyCode.Parse("HOUSING");
        var police = AgencyCode.Parse("POLICE");
        var csc = AgencyCode.Parse("CSC");
        var joined = today.AddDays(-400 - (i % 700));
        var parent = Person.Register(new PersonDetails("Parent", $"Household{i}", new DateOnly(1982, 1, 1).AddDays(i % 4000), "Female", null, null), council, officer, now);
        var partner = Person.Register(new PersonDetails("Partner", $"Household{i}", new DateOnly(1980, 1, 1).AddDays(i % 4000), "Male", null, null), council, officer, now);
        var older = Person.Register(new PersonDetails("Older", $"Household{i}", today.AddYears(-17).AddDays(-(i % 700)), "Male", null, null), council, officer, now);
        var younger = Person.Register(new PersonDetails("Younger", $"Household{i}", today.AddYears(-11).AddDays(-(i % 900)), "Female", null, null), council, officer, now);
        db.People.AddRange(parent, partner, older, younger);
        var household = Household.Record($"Household {i}", null, council, officer, now);
        household.AddMember(parent.Id, parent.DateOfBirth, Relationship.ParentCarer, joined, null);

        // One partner in five left the household last year: their records after that day do not count.
        household.AddMember(partner.Id, partner.DateOfBirth, Relationship.Partner, joined, i % 5 == 0 ? today.AddDays(-300) : null);
        household.AddMember(older.Id, older.DateOfBirth, Relationship.Child, joined, null);

        // One younger child in seven joined mid-period, a month ago.
        household.AddMember(younger.Id, younger.DateOfBirth, Relationship.Child, i % 7 == 0 ? today.AddDays(-30) : joined, null);
        db.Households.Add(household);

        // Crime/ASB: an ASB intervention on the older child in the last year for two households in three.
        var recent = i % 3 != 2;
        db.AsbRecords.Add(AsbRecord.Record(older.Id, AsbKind.Warning, today.AddDays(recent ? -40 - (i % 200) : -500), null, housing, officer, now, today));
        db.AsbRecords.Add(AsbRecord.Record(parent.Id, AsbKind.Incident, today.AddDays(-20 - (i % 300)), null, housing, officer, now, today));
        db.AsbRecords.Add(AsbRecord.Record(partner.Id, AsbKind.HousingIntervention, today.AddDays(-100 - (i % 500)), null, housing, officer, now, today));
        db.Offences.Add(Offence.Record(older.Id, "Theft", today.AddDays(-90 - (i % 250)), i % 4 == 0 ? today.AddDays(-30) : null, null, police, officer, now, today));
        db.Offences.Add(Offence.Record(partner.Id, "CriminalDamage", today.AddDays(-700 - (i % 300)), today.AddDays(-600), null, police, officer, now, today));

        // Education: each child's attendance in the last three terms (absence 5% to 20%) and two exclusions each,
        // within the last three terms for one household in three.
        var term = SchoolTerm.Of(today);
        var absence = (i % 4) switch { 0 => 5, 1 => 15, 2 => 18, _ => 20 };
        foreach (var child in new[] { older, younger })
        {
            for (var back = 0; back < 3; back++)
            {
                db.EducationRecords.Add(EducationRecord.Record(child.Id, EducationKind.TermAttendance, null, term.Previous(back).ToString(), null,
                    100, absence + back, council, officer, now, today));
            }

            var excluded = i % 3 == 0 ? today.AddDays(-15 - (i % 60)) : today.AddDays(-400 - (i % 200));
            db.EducationRecords.Add(EducationRecord.Record(child.Id, EducationKind.FixedTermExclusion, excluded, null, 2, null, null, council, officer, now, today));
            db.EducationRecords.Add(EducationRecord.Record(child.Id, EducationKind.FixedTermExclusion, excluded.AddDays(-10), null, 1, null, null, council, officer, now, today));
        }

        // Work: an adult on an out-of-work benefit today for two households in three; the other spells ended.
        var onBenefit = i % 3 != 1;
        db.EmploymentRecords.Add(EmploymentRecord.Record(parent.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.UniversalCredit, today.AddDays(-800),
            onBenefit ? null : today.AddDays(-100), null, council, officer, now, today));
        db.EmploymentRecords.Add(EmploymentRecord.Record(parent.Id, EmploymentKind.InWork, null, today.AddDays(-1500), today.AddDays(-801), null, council, officer, now, today));
        db.EmploymentRecords.Add(EmploymentRecord.Record(partner.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.Esa, today.AddDays(-1200), today.AddDays(-350), null, council, officer, now, today));
        db.EmploymentRecords.Add(EmploymentRecord.Record(partner.Id, EmploymentKind.InWork, null, today.AddDays(-349), null, null, council, officer, now, today));

        // Half the households are attached to the programme; a local criterion is recorded on their case.
        if (i % 2 == 0)
        {
            var familyCase = Case.OpenForHousehold(household.Id, Scheme.TroubledFamilies, council, today.AddDays(-60 - (i % 300)), null, null, now, today);
            db.Cases.Add(familyCase);
            db.LocalCriterionRecords.Add(LocalCriterionRecord.Record(familyCase, household, "ChildProtectionPlan", DataCategory.ChildrenSafeguarding,
                younger.Id, today.AddDays(-20), "Child protection plan since the conference", csc, officer, now, today));
        }
        else
        {
            db.AsbRecords.Add(AsbRecord.Record(parent.Id, AsbKind.Warning, today.AddDays(-200 - (i % 100)), null, housing, officer, now, today));
        }
    }
}
