using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Households;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Application.Reviews;
using CaseManager.Application.Users;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Cases.Exits.GetExitEvidence;

/// <summary>
/// What a manager weighs before deciding an exit nomination (DOMAIN.md IOM6): the last three months of work with the
/// case's person, or with the members of the household for a family case, from every agency as far as the reader may
/// see it, with anything adverse marked (a positive drug test, an arrest, breach action, a new offence); and the
/// case's reviews. Every source is read through the one access rule in SQL (IS7), and each record another agency
/// shares is audited with its rule (IS9).
/// </summary>
[RequiresPolicy(Policies.ManageCases)]
public sealed record GetExitEvidenceQuery(CaseId CaseId) : IQuery<ExitEvidence>;

/// <summary>The evidence for an exit decision. <see cref="SubjectName"/> is null when the reader may not see the person or household.</summary>
public sealed record ExitEvidence(
    Guid CaseId,
    string Scheme,
    bool IsFamilyCase,
    string? SubjectName,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ExitEvidencePerson> People,
    IReadOnlyList<ExitEvidenceItem> Work,
    int WorkTotal,
    int AdverseCount,
    IReadOnlyList<ExitEvidenceReview> Reviews);

/// <summary>A person whose work is shown: the case's person, or a member of the family's household in the window.</summary>
public sealed record ExitEvidencePerson(Guid PersonId, string Name);

/// <summary>
/// One piece of work in the window. <see cref="Adverse"/> says why it counts against an exit, or is null:
/// <c>PositiveDrugTest</c>, <c>Arrest</c>, <c>BreachAction</c> or <c>NewOffence</c>.
/// </summary>
public sealed record ExitEvidenceItem(
    string Kind,
    Guid RecordId,
    DateOnly Date,
    Guid PersonId,
    string PersonName,
    string Title,
    string? Detail,
    string? Adverse,
    string OwnerAgency,
    Guid? CaseId,
    string? By,
    RecordAccessExplanation? Access);

/// <summary>One review of the case, newest due first.</summary>
public sealed record ExitEvidenceReview(Guid Id, string Kind, string Status, DateOnly DueOn, DateOnly? CompletedOn, string? Summary, string? CompletedBy);

public static class ExitEvidenceRules
{
    /// <summary>How far back the evidence looks.</summary>
    public const int Months = 3;

    /// <summary>At most this many pieces of work are listed, adverse ones first; the total is always given.</summary>
    public const int MaxItems = 200;

    public const string PositiveDrugTest = nameof(PositiveDrugTest);
    public const string Arrest = nameof(Arrest);
    public const string BreachAction = nameof(BreachAction);
    public const string NewOffence = nameof(NewOffence);

    /// <summary>Why a piece of logged work counts against an exit, if it does.</summary>
    public static string? AdverseOf(InterventionType type, DrugTestResult? result) => type switch
    {
        InterventionType.DrugTest when result == DrugTestResult.Positive => PositiveDrugTest,
        InterventionType.Arrest => Arrest,
        InterventionType.BreachAction => BreachAction,
        _ => null,
    };
}

public sealed class GetExitEvidenceHandler(
    IAppDbContext db,
    IRecordAccess access,
    IAuditTrail audit,
    HouseholdReads households,
    CaseNames names,
    IUserDirectory users,
    PartnershipClock clock) : IQueryHandler<GetExitEvidenceQuery, ExitEvidence>
{
    public async ValueTask<ExitEvidence> Handle(GetExitEvidenceQuery query, CancellationToken cancellationToken)
    {
        var found = await access.Readable(db.Cases.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)
            ?? throw await CaseGate.RefuseAsync(db, audit, query.CaseId, "case.exit-evidence", cancellationToken);

        var to = clock.Today;
        var from = to.AddMonths(-ExitEvidenceRules.Months);
        var (subjectName, people) = await PeopleAsync(found, from, cancellationToken);
        var ids = people.Select(p => new PersonId(p.PersonId)).ToList();
        var fromInstant = StartOf(from);

        var work = await access.Readable(db.Interventions.AsNoTracking())
            .Where(i => ids.Contains(i.PersonId) && i.OccurredAt >= fromInstant)
            .ToListAsync(cancellationToken);
        var treatmentWork = await access.Readable(db.TreatmentInterventions.AsNoTracking())
            .Where(i => ids.Contains(i.PersonId) && i.StartDate >= from)
            .ToListAsync(cancellationToken);
        var offences = await access.Readable(db.Offences.AsNoTracking())
            .Where(o => ids.Contains(o.PersonId) && o.CommittedOn >= from)
            .ToListAsync(cancellationToken);
        var offenceNames = await db.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);

        var nameOf = people.ToDictionary(p => p.PersonId, p => p.Name);
        var all = work.Select(i => new Pending(
                "Intervention", i.Id.Value, DayOf(i.OccurredAt), i.PersonId.Value, TimelineReader.Humanise(i.Type.ToString()),
                Join(i.DrugTestResult is { } result ? $"Result: {result}" + (i.Substances.Count > 0 ? $" ({string.Join(", ", i.Substances)})" : string.Empty) : null, i.Outcome),
                ExitEvidenceRules.AdverseOf(i.Type, i.DrugTestResult), i.OwnerAgency, i.CaseId.Value, i.RecordedBy, i.OccurredAt))
            .Concat(treatmentWork.Select(i => new Pending(
                "TreatmentIntervention", i.Id.Value, i.StartDate, i.PersonId.Value, TimelineReader.Humanise(i.Type.ToString()),
                i.EndDate is { } ended ? $"Ended {ended:d MMMM yyyy}" : null, null, i.OwnerAgency, i.CaseId.Value, i.RecordedBy, StartOf(i.StartDate))))
            .Concat(offences.Select(o => new Pending(
                "Offence", o.Id.Value, o.CommittedOn, o.PersonId.Value, offenceNames.GetValueOrDefault(o.OffenceType, o.OffenceType),
                Join(o.ConvictedOn is { } convicted ? $"Convicted {convicted:d MMMM yyyy}" : null, o.Outcome),
                ExitEvidenceRules.NewOffence, o.OwnerAgency, null, o.RecordedBy, StartOf(o.CommittedOn))))
            .ToList();
        var shown = all
            .OrderByDescending(p => p.Adverse is not null).ThenByDescending(p => p.At).ThenByDescending(p => p.RecordId)
            .Take(ExitEvidenceRules.MaxItems)
            .OrderByDescending(p => p.At).ThenByDescending(p => p.RecordId)
            .ToList();

        var reviews = await ReadableReviews.Of(access, db, db.Reviews.AsNoTracking())
            .Where(r => r.CaseId == found.Id)
            .OrderByDescending(r => r.DueOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Kind, r.Status, r.DueOn, r.CompletedOn, r.Summary, r.CompletedBy })
            .ToListAsync(cancellationToken);

        var userNames = await users.DisplayNamesAsync(
            shown.Select(p => p.By).Concat(reviews.Where(r => r.CompletedBy is not null).Select(r => r.CompletedBy!.Value)).Distinct().ToList(), cancellationToken);
        var explained = await ExplainAsync(shown, cancellationToken);

        audit.Record("case.exit-evidence", AuditOutcome.Allowed, AccessRule.Owner,
            new AuditSubject("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency),
            $"{shown.Count} of {all.Count} records from {from:yyyy-MM-dd}, {reviews.Count} reviews");
        await db.SaveChangesAsync(cancellationToken);

        return new ExitEvidence(
            found.Id.Value,
            found.Scheme.ToString(),
            found.HouseholdId is not null,
            subjectName,
            from,
            to,
            people,
            [.. shown.Select(p => new ExitEvidenceItem(
                p.Kind, p.RecordId, p.Date, p.PersonId, nameOf.GetValueOrDefault(p.PersonId, string.Empty), p.Title, p.Detail, p.Adverse,
                p.Owner.Value, p.CaseId, userNames.GetValueOrDefault(p.By), explained.GetValueOrDefault(p.RecordId)))],
            all.Count,
            all.Count(p => p.Adverse is not null),
            [.. reviews.Select(r => new ExitEvidenceReview(
                r.Id.Value, r.Kind.ToString(), r.Status.ToString(), r.DueOn, r.CompletedOn, r.Summary,
                r.CompletedBy is { } by ? userNames.GetValueOrDefault(by) : null))]);
    }

    /// <summary>
    /// The case's person when the reader may see them; for a family case, the household's name and the members the
    /// reader may see whose membership reaches into the window (chosen in the query, IS7b).
    /// </summary>
    private async Task<(string? Name, IReadOnlyList<ExitEvidencePerson> People)> PeopleAsync(Case found, DateOnly from, CancellationToken cancellationToken)
    {
        if (found.PersonId is { } personId)
        {
            var named = await names.PeopleAsync([personId], cancellationToken);
            return named.TryGetValue(personId, out var name) ? (name, [new ExitEvidencePerson(personId.Value, name)]) : (null, []);
        }

        var householdId = found.HouseholdId!.Value;
        var householdName = await access.ReadableHouseholds(db.Households.AsNoTracking())
            .Where(h => h.Id == householdId)
            .Select(h => h.Name)
            .SingleOrDefaultAsync(cancellationToken);
        var members = await households.VisibleMembersAsync(householdId, cancellationToken);
        var inWindow = members
            .Where(m => m.To is null || m.To >= from)
            .GroupBy(m => m.PersonId)
            .Select(g => new ExitEvidencePerson(g.Key, g.First().PersonName ?? string.Empty))
            .ToList();
        return (householdName, inWindow);
    }

    private async Task<Dictionary<Guid, RecordAccessExplanation>> ExplainAsync(IReadOnlyList<Pending> shown, CancellationToken cancellationToken)
    {
        var workIds = shown.Where(p => p.Kind == "Intervention").Select(p => new InterventionId(p.RecordId)).ToList();
        var treatmentIds = shown.Where(p => p.Kind == "TreatmentIntervention").Select(p => new TreatmentInterventionId(p.RecordId)).ToList();
        var offenceIds = shown.Where(p => p.Kind == "Offence").Select(p => new OffenceId(p.RecordId)).ToList();
        Func<Guid, AuditSubject> subject(string type) => id =>
        {
            var entry = shown.First(p => p.RecordId == id);
            return new AuditSubject(type, id.ToString(), entry.PersonId, entry.Owner);
        };
        const string action = "case.exit-evidence-entry";
        var explained = new Dictionary<Guid, RecordAccessExplanation>();
        foreach (var (id, why) in await access.ExplainAndAuditAsync(audit, db.Interventions.AsNoTracking().Where(i => workIds.Contains(i.Id)), i => i.Id.Value, action, subject("Intervention"), cancellationToken))
        {
            explained[id] = why;
        }

        foreach (var (id, why) in await access.ExplainAndAuditAsync(audit, db.TreatmentInterventions.AsNoTracking().Where(i => treatmentIds.Contains(i.Id)), i => i.Id.Value, action, subject("TreatmentIntervention"), cancellationToken))
        {
            explained[id] = why;
        }

        foreach (var (id, why) in await access.ExplainAndAuditAsync(audit, db.Offences.AsNoTracking().Where(o => offenceIds.Contains(o.Id)), o => o.Id.Value, action, subject("Offence"), cancellationToken))
        {
            explained[id] = why;
        }

        return explained;
    }

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }

    private DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime);

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join("; ", present);
    }

    private sealed record Pending(
        string Kind, Guid RecordId, DateOnly Date, Guid PersonId, string Title, string? Detail, string? Adverse, Domain.Agencies.AgencyCode Owner, Guid? CaseId, Guid By, DateTimeOffset At);
}
