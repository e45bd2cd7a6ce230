using System.Globalization;
using CaseManager.Application.Claims;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Seeding;

/// <summary>
/// Troubled Families families for the claims officer (docs/claims.md): the council's Troubled Families team works seven
/// families. Four were attached in the last few months and are claimable in this month's attachment window. Three were
/// attached earlier and already claimed for in a submitted attachment claim six months ago (prepared by the claims
/// officer, validated by internal audit), so the next attachment claim leaves them out and the figures page shows
/// them: Finch; Ashworth, whose ASB stopped after entry and whose mother joined the Work Programme (crime/ASB and
/// education, and progress to work, met and claimable in a results claim, TF2); and Walsh, whose father has been in
/// work since two months after entry (continuous employment met) and was claimed for in a submitted results claim two
/// months ago, so the results list shows it already claimed and the next results claim leaves it out.
/// </summary>
internal static class DemoClaims
{
    private static readonly AgencyCode Council = AgencyCode.Parse("COUNCIL");

    /// <summary>The families in the submitted attachment claim of six months ago.</summary>
    private static readonly string[] ClaimedForAttachment = ["Walsh", "Finch", "Ashworth"];

    public static async Task SeedAsync(CaseDbContext db, IReadOnlyDictionary<string, Guid> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var officer = users["claims@council.demo"];
        var auditor = users["claims.audit@council.demo"];
        (string Name, int MonthsAgo)[] families = [("Hartley", 2), ("Nolan", 3), ("Okafor", 4), ("Reid", 5), ("Finch", 9), ("Ashworth", 8), ("Walsh", 14)];
        var opened = new Dictionary<string, (Case Case, Household Household, Person Parent)>();
        foreach (var (name, monthsAgo) in families)
        {
            var attached = today.AddMonths(-monthsAgo);
            var parent = Person.Register(new PersonDetails("Sam", name, today.AddYears(-38), "Female", null, $"{monthsAgo * 7} Eastbourne Road, Darlington"), Council, officer, now);
            var child = Person.Register(new PersonDetails("Alex", name, today.AddYears(-14).AddDays(-monthsAgo * 11), "Male", null, $"{monthsAgo * 7} Eastbourne Road, Darlington"), Council, officer, now);
            db.People.AddRange(parent, child);
            var household = Household.Record($"The {name} family", $"{monthsAgo * 7} Eastbourne Road, Darlington", Council, officer, now);
            // Members since a year before attachment, so that what happened in the months before entry is the family's (TF2).
            household.AddMember(parent.Id, parent.DateOfBirth, Relationship.ParentCarer, attached.AddYears(-1), null);
            household.AddMember(child.Id, child.DateOfBirth, Relationship.Child, attached.AddYears(-1), null);
            db.Households.Add(household);
            var familyCase = Case.OpenForHousehold(household.Id, Scheme.TroubledFamilies, Council, attached, null, null, now, today);
            db.Cases.Add(familyCase);
            opened[name] = (familyCase, household, parent);
        }

        // Ashworth: four ASB incidents in the months before entry, none since; the mother joined the Work Programme.
        var (ashworthCase, _, ashworth) = opened["Ashworth"];
        for (var i = 0; i < 4; i++)
        {
            db.AsbRecords.Add(AsbRecord.Record(ashworth.Id, AsbKind.Incident, ashworthCase.StartDate.AddDays(-20 - (i * 25)), "Noise and threats reported by neighbours", Council, officer, now, today));
        }

        db.EmploymentRecords.Add(EmploymentRecord.Record(ashworth.Id, EmploymentKind.WorkProgramme, null, today.AddMonths(-2), null, "Volunteered for the Work Programme", Council, officer, now, today));

        // Walsh: on Jobseeker's Allowance until two months after entry, in work since.
        var (walshCase, _, walsh) = opened["Walsh"];
        var inWorkFrom = walshCase.StartDate.AddMonths(2);
        db.EmploymentRecords.Add(EmploymentRecord.Record(walsh.Id, EmploymentKind.OutOfWorkBenefit, BenefitType.Jsa, today.AddYears(-3), inWorkFrom.AddDays(-1), "Jobseeker's Allowance", Council, officer, now, today));
        db.EmploymentRecords.Add(EmploymentRecord.Record(walsh.Id, EmploymentKind.InWork, null, inWorkFrom, null, "Warehouse operative, full time", Council, officer, now, today));
        await db.SaveChangesAsync(cancellationToken);

        // The attachment claim of six months ago: Walsh, Finch and Ashworth.
        var attachment = ClaimWindow.Parse(today.AddMonths(-6).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var attachmentLines = ClaimedForAttachment.Select(name => new DemoLine(name, ClaimOutcome.Attachment, [],
            [new EvidenceRecord("Attachment", $"Attached to Troubled Families on {opened[name].Case.StartDate:yyyy-MM-dd} by COUNCIL", opened[name].Case.StartDate, $"/cases/{opened[name].Case.Id.Value}")])).ToList();
        var attachmentClaim = await SubmittedAsync(db, opened, ClaimKind.Attachment, attachment, attachmentLines, officer, auditor, "Attachment date checked against the family's referral form", cancellationToken);
        db.ClaimedFamilies.AddRange(attachmentLines.Select(l => new ClaimedFamily(1, opened[l.Name].Household.Id, attachmentClaim.Id, attachmentClaim.SubmittedAt!.Value)));
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, [new ClaimAllocation(1)], ifAbsent: true, cancellationToken);
        await db.ClaimAllocations.Where(a => a.Phase == 1).ExecuteUpdateAsync(s => s.SetProperty(a => a.Families, a => a.Families + attachmentLines.Count), cancellationToken);

        // The results claim of two months ago: Walsh's continuous employment (which also takes the progress-to-work slot, TF3).
        var results = ClaimWindow.Parse(today.AddMonths(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        IReadOnlyList<EvidenceCheck> walshChecks =
        [
            new("FormerClaimant", true, "1 adult on an out-of-work benefit at entry", "An adult on an out-of-work benefit at entry or in the 6 months before"),
            new("ContinuousWork", true, $"In work since {inWorkFrom:yyyy-MM-dd}", "13 weeks in continuous work needed"),
        ];
        IReadOnlyList<EvidenceRecord> walshRecords =
        [
            new("Employment", $"OutOfWorkBenefit from {today.AddYears(-3):yyyy-MM-dd} to {inWorkFrom.AddDays(-1):yyyy-MM-dd}", today.AddYears(-3), $"/people/{walsh.Id.Value}/timeline"),
            new("Employment", $"InWork from {inWorkFrom:yyyy-MM-dd}", inWorkFrom, $"/people/{walsh.Id.Value}/timeline"),
        ];
        await SubmittedAsync(db, opened, ClaimKind.Results, results, [new DemoLine("Walsh", ClaimOutcome.ContinuousEmployment, walshChecks, walshRecords)], officer, auditor,
            "Payslips seen for 13 weeks; benefit end date confirmed", cancellationToken);
    }

    /// <summary>A phase 1 claim as the workflow leaves it once submitted: prepared, each line validated by internal audit, the ledger written.</summary>
    private static async Task<Claim> SubmittedAsync(
        CaseDbContext db,
        Dictionary<string, (Case Case, Household Household, Person Parent)> opened,
        ClaimKind kind,
        ClaimWindow window,
        List<DemoLine> lines,
        Guid officer,
        Guid auditor,
        string note,
        CancellationToken cancellationToken)
    {
        var claimedAt = new DateTimeOffset(window.LastDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var claim = Claim.Prepare(1, kind, window, officer, Council, claimedAt, window.LastDay);
        claim.Start(lines.Count);
        var proposed = new List<ClaimLine>();
        foreach (var (name, outcome, checks, records) in lines)
        {
            var (familyCase, household, _) = opened[name];
            var evidence = new ClaimEvidence(familyCase.Id.Value, household.Id.Value, household.Name, familyCase.StartDate, "COUNCIL", familyCase.Status.ToString(), window.LastDay, [], checks, records, false,
                new EvidenceLinks($"/cases/{familyCase.Id.Value}", $"/api/v1/households/{household.Id.Value}", null, null, $"/cases/{familyCase.Id.Value}")).ToJson();
            proposed.Add(claim.Propose(new ClaimLineFacts(familyCase.Id, household.Id, outcome, familyCase.StartDate, evidence, false), ClaimMoney.Default, claimedAt));
        }

        claim.RecordBatch(lines.Count, proposed.Max(l => l.CaseId.Value), claimedAt);
        claim.FinishPreparation(claimedAt.AddMinutes(1));
        var decisions = proposed.Select(l => claim.Validate(l, auditor, note, claimedAt.AddHours(2))).ToList();
        claim.Submit(officer, proposed.Count, claimedAt.AddHours(3));
        db.Claims.Add(claim);
        db.ClaimLines.AddRange(proposed);
        await db.SaveChangesAsync(cancellationToken);
        db.ClaimLineDecisions.AddRange(decisions);
        db.ClaimedOutcomes.AddRange(proposed.SelectMany(l => ClaimedOutcome.For(l, claimedAt.AddHours(3))));
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    private sealed record DemoLine(string Name, ClaimOutcome Outcome, IReadOnlyList<EvidenceCheck> Checks, IReadOnlyList<EvidenceRecord> Records);
}
