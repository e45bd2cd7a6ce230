using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Infrastructure.Persistence;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// The Marsh family from the strategy page as one household (DOMAIN.md FAM1–FAM3): Dawn and her two children, recorded
/// by the Family Intervention Team and enrolled as a High Impact Household with the keyworker as lead professional.
/// Several agencies are involved: housing recorded a tenancy warning for anti-social behaviour, the police Jayden's
/// criminal damage, and the family plan has actions for FIT, housing, the police and children's social care.
/// </summary>
internal static class DemoFamilies
{
    public static async Task MarshAsync(
        CaseDbContext db, IReadOnlyList<Person> marshes, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now, Func<Case, DateOnly> nextReview, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var fit = AgencyCode.Parse("FIT");
        var keyworker = users["keyworker@fit.demo"];
        var dawn = marshes.Single(p => p.GivenName == "Dawn");
        var jayden = marshes.Single(p => p.GivenName == "Jayden");
        var chloe = marshes.Single(p => p.GivenName == "Chloe");

        var household = Household.Record("The Marsh family", "27 Cockerton Green, Darlington", fit, keyworker, now);
        var since = today.AddYears(-6);
        household.AddMember(dawn.Id, dawn.DateOfBirth, Relationship.ParentCarer, since, null);
        household.AddMember(jayden.Id, jayden.DateOfBirth, Relationship.Child, since, null);
        household.AddMember(chloe.Id, chloe.DateOfBirth, Relationship.Child, since, null);
        db.Add(household);
        await db.SaveChangesAsync(cancellationToken);

        var started = today.AddMonths(-3);
        var hih = Case.OpenForHousehold(household.Id, Scheme.HighImpactHousehold, fit, started, keyworker, keyworker, now, today);
        hih.ScheduleNextReview(nextReview(hih));
        db.Add(hih);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(Review.Schedule(hih, ReviewKind.Scheme, hih.NextReviewDue!.Value, now));

        db.Add(AsbRecord.Record(dawn.Id, AsbKind.HousingIntervention, today.AddMonths(-4), "Tenancy warning after noise and threats to neighbours",
            AgencyCode.Parse("HOUSING"), keyworker, now, today));
        db.Add(Offence.Record(jayden.Id, "CriminalDamage", today.AddMonths(-5), today.AddMonths(-4), "Youth caution",
            AgencyCode.Parse("POLICE"), users["iom.officer@police.demo"], now, today));

        FamilyPlanAction Action(string description, NeedArea need, Person? forPerson, string agency, int dueInDays) =>
            FamilyPlanAction.Add(hih, household, description, need, forPerson?.Id, AgencyCode.Parse(agency), null, today.AddDays(dueInDays), fit, keyworker, now);

        db.Add(Action("Weekly keyworker visit and family meeting", NeedArea.Housing, null, "FIT", 7));
        db.Add(Action("Tenancy sustainment plan agreed with Dawn", NeedArea.Housing, dawn, "HOUSING", 14));
        db.Add(Action("Neighbourhood team joint visit about Jayden's evenings", NeedArea.Asb, jayden, "POLICE", 21));
        db.Add(Action("Child in need review for Chloe", NeedArea.ChildrenNeedHelp, chloe, "CSC", 28));
        await db.SaveChangesAsync(cancellationToken);
    }
}
