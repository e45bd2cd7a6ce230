using CaseManager.Application.Claims;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// Troubled Families families for the claims officer (docs/claims.md): the council's Troubled Families team works five
/// families. Four were attached in the last few months and are claimable in this month's window; the fifth was attached
/// earlier and already claimed for in a submitted attachment claim six months ago (prepared by the claims officer,
/// validated by internal audit), so the next attachment claim leaves it out and its figures show on the figures page.
/// </summary>
internal static class DemoClaims
{
    private static readonly AgencyCode Council = AgencyCode.Parse("COUNCIL");

    public static async Task SeedAsync(CaseDbContext db, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var officer = users["claims@council.demo"];
        var auditor = users["claims.audit@council.demo"];
        (string Name, int MonthsAgo)[] families = [("Hartley", 2), ("Nolan", 3), ("Okafor", 4), ("Reid", 5), ("Finch", 9)];
        var opened = new Dictionary<string, (Case Case, Household Household)>();
        foreach (var (name, monthsAgo) in families)
        {
            var attached = today.AddMonths(-monthsAgo);
            var parent = Person.Register(new PersonDetails("Sam", name, today.AddYears(-38), "Female", null, $"{monthsAgo * 7} Eastbourne Road, Darlington"), Council, officer, now);
            var child = Person.Register(new PersonDetails("Alex", name, today.AddYears(-14).AddDays(-monthsAgo * 11), "Male", null, $"{monthsAgo * 7} Eastbourne Road, Darlington"), Council, officer, now);
            db.People.AddRange(parent, child);
            var household = Household.Record($"The {name} family", $"{monthsAgo * 7} Eastbourne Road, Darlington", Council, officer, now);
            household.AddMember(parent.Id, parent.DateOfBirth, Relationship.ParentCarer, attached, null);
            household.AddMember(child.Id, child.DateOfBirth, Relationship.Child, attached, null);
            db.Households.Add(household);
            var familyCase = Case.OpenForHousehold(household.Id, Scheme.TroubledFamilies, Council, attached, null, null, now, today);
            db.Cases.Add(familyCase);
            opened[name] = (familyCase, household);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Finch: attached nine months ago and claimed for in the attachment claim of six months ago.
        var window = ClaimWindow.Parse(today.AddMonths(-6).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        var claimedAt = new DateTimeOffset(window.LastDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var claim = Claim.Prepare(1, ClaimKind.Attachment, window, officer, Council, claimedAt, window.LastDay);
        claim.Start(1);
        var (finchCase, finch) = opened["Finch"];
        var evidence = new ClaimEvidence(finchCase.Id.Value, finch.Id.Value, finch.Name, finchCase.StartDate, "COUNCIL", finchCase.Status.ToString(), window.LastDay, [], [],
            [new EvidenceRecord("Attachment", $"Attached to Troubled Families on {finchCase.StartDate:yyyy-MM-dd} by COUNCIL", finchCase.StartDate, $"/cases/{finchCase.Id.Value}")], false,
            new EvidenceLinks($"/cases/{finchCase.Id.Value}", $"/api/v1/households/{finch.Id.Value}", null, null, $"/cases/{finchCase.Id.Value}")).ToJson();
        var line = claim.Propose(new ClaimLineFacts(finchCase.Id, finch.Id, ClaimOutcome.Attachment, finchCase.StartDate, evidence, false), ClaimMoney.Default, claimedAt);
        claim.RecordBatch(1, finchCase.Id.Value, claimedAt);
        claim.FinishPreparation(claimedAt.AddMinutes(1));
        var decision = claim.Validate(line, auditor, "Attachment date checked against the family's referral form", claimedAt.AddHours(2));
        claim.Submit(officer, 1, claimedAt.AddHours(3));
        db.Claims.Add(claim);
        db.ClaimLines.Add(line);
        await db.SaveChangesAsync(cancellationToken);
        db.ClaimLineDecisions.Add(decision);
        db.ClaimedOutcomes.AddRange(ClaimedOutcome.For(line, claimedAt.AddHours(3)));
        db.ClaimedFamilies.Add(new ClaimedFamily(1, finch.Id, claim.Id, claimedAt.AddHours(3)));
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, [new ClaimAllocation(1)], ifAbsent: true, cancellationToken);
        await db.ClaimAllocations.Where(a => a.Phase == 1).ExecuteUpdateAsync(s => s.SetProperty(a => a.Families, a => a.Families + 1), cancellationToken);
    }
}
