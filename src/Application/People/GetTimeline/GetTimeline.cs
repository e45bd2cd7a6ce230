using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.People.GetTimeline;

/// <summary>
/// Everything on a person's cases that the reader may see, newest first (API.md timeline): case events,
/// interventions and offences. Each source is read through the access rule in SQL and only the newest
/// page-worth of each is loaded; they are then merged by date.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetTimelineQuery(PersonId PersonId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<TimelineEntry>>, IPagedRequest;

/// <summary>One event. <see cref="Kind"/>: CaseStarted, ExitNominated, ExitApproved, ExitRejected, Intervention, Offence, TreatmentIntervention, Top, Asb, Education, Employment, LocalCriterion.</summary>
public sealed record TimelineEntry(
    [property: NamesOf("CaseStarted", "ExitNominated", "ExitApproved", "ExitRejected", "Intervention", "Offence", "TreatmentIntervention", "Top", "Asb", "Education", "Employment", "LocalCriterion")] string Kind,
    Guid RecordId,
    DateTimeOffset At,
    DateOnly Date,
    string Title,
    string? Detail,
    Guid? CaseId,
    [property: NamesOf(typeof(Scheme))] string? Scheme,
    string OwnerAgency,
    string DataCategory,
    string? By,
    RecordAccessExplanation? Access);

public sealed class GetTimelineValidator : AbstractValidator<GetTimelineQuery>
{
    public GetTimelineValidator() => this.AddPagingRules();
}

public sealed class GetTimelineHandler(IAppDbContext db, IRecordAccess access, PersonGate gate, IUserDirectory users, IAuditTrail audit, PartnershipClock clock)
    : IQueryHandler<GetTimelineQuery, Paged<TimelineEntry>>
{
    public async ValueTask<Paged<TimelineEntry>> Handle(GetTimelineQuery query, CancellationToken cancellationToken)
    {
        await gate.EnsureReadableAsync(query.PersonId, "person.timeline", cancellationToken);
        var personId = query.PersonId;
        var cases = await access.Readable(db.Cases.AsNoTracking()).Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        var work = access.Readable(db.Interventions.AsNoTracking()).Where(i => i.PersonId == personId);
        var offences = access.Readable(db.Offences.AsNoTracking()).Where(o => o.PersonId == personId);
        // Treatment (DT1, DT3): health data, read through the same rule as any other record.
        var treatmentWork = access.Readable(db.TreatmentInterventions.AsNoTracking()).Where(i => i.PersonId == personId);
        var tops = access.Readable(db.TopRecords.AsNoTracking()).Where(t => t.PersonId == personId);
        // Outcome records (TF1, TF2, TF4), and local criteria recorded about this person on a family case.
        var asb = access.Readable(db.AsbRecords.AsNoTracking()).Where(r => r.PersonId == personId);
        var education = access.Readable(db.EducationRecords.AsNoTracking()).Where(r => r.PersonId == personId);
        var employment = access.Readable(db.EmploymentRecords.AsNoTracking()).Where(r => r.PersonId == personId);
        var criteria = access.Readable(db.LocalCriterionRecords.AsNoTracking()).Where(r => r.PersonId == personId);
        var caseEvents = cases.SelectMany(CaseEvents).ToList();
        var workTotal = await work.CountAsync(cancellationToken);
        var offenceTotal = await offences.CountAsync(cancellationToken);
        var treatmentWorkTotal = await treatmentWork.CountAsync(cancellationToken);
        var topTotal = await tops.CountAsync(cancellationToken);
        var asbTotal = await asb.CountAsync(cancellationToken);
        var educationTotal = await education.CountAsync(cancellationToken);
        var employmentTotal = await employment.CountAsync(cancellationToken);
        var criteriaTotal = await criteria.CountAsync(cancellationToken);
        var total = caseEvents.Count + workTotal + offenceTotal + treatmentWorkTotal + topTotal + asbTotal + educationTotal + employmentTotal + criteriaTotal;

        // The newest (page × size) of each source, at most: in 64 bits, since page 2147483647 of 200 wraps round in 32
        // (to a negative LIMIT: every row on SQLite, an error on PostgreSQL); none at all past the end.
        var offset = query.Offset();
        var needed = offset >= total ? 0 : (int)Math.Min(offset + query.PageSize, total);
        var newestWork = await work.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(needed).ToListAsync(cancellationToken);
        var newestOffences = await offences.OrderByDescending(o => o.CommittedOn).ThenByDescending(o => o.Id).Take(needed).ToListAsync(cancellationToken);
        var newestTreatmentWork = await treatmentWork.OrderByDescending(i => i.StartDate).ThenByDescending(i => i.Id).Take(needed).ToListAsync(cancellationToken);
        var newestTops = await tops.OrderByDescending(t => t.CompletedOn).ThenByDescending(t => t.Id).Take(needed).ToListAsync(cancellationToken);
        var newestAsb = await asb.OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).Take(needed).ToListAsync(cancellationToken);
        var newestEducation = await education.OrderByDescending(r => r.Day).ThenByDescending(r => r.Id).Take(needed).ToListAsync(cancellationToken);
        var newestEmployment = await employment.OrderByDescending(r => r.From).ThenByDescending(r => r.Id).Take(needed).ToListAsync(cancellationToken);
        var newestCriteria = await criteria.OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Take(needed).ToListAsync(cancellationToken);
        var offenceNames = await db.OffenceTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);

        var entries = caseEvents
            .Concat(newestWork.Select(i => new Pending(
                "Intervention", i.Id.Value, i.OccurredAt, Humanise(i.Type.ToString()),
                Join(i.DrugTestResult is { } result ? $"Result: {result}" + (i.Substances.Count > 0 ? $" ({string.Join(", ", i.Substances)})" : string.Empty) : null, i.Outcome, i.Notes),
                i.CaseId.Value, i.Scheme, i.OwnerAgency, i.DataCategory, i.RecordedBy)))
            .Concat(newestOffences.Select(o => new Pending(
                "Offence", o.Id.Value, StartOf(o.CommittedOn), offenceNames.GetValueOrDefault(o.OffenceType, o.OffenceType),
                Join(o.ConvictedOn is { } convicted ? $"Convicted {convicted:d MMMM yyyy}" : null, o.Outcome),
                null, null, o.OwnerAgency, o.DataCategory, o.RecordedBy)))
            .Concat(newestTreatmentWork.Select(i => new Pending(
                "TreatmentIntervention", i.Id.Value, StartOf(i.StartDate), TreatmentTitle(i),
                i.EndDate is { } ended ? $"Ended {ended:d MMMM yyyy}" : null,
                i.CaseId.Value, i.Scheme, i.OwnerAgency, i.DataCategory, i.RecordedBy)))
            .Concat(newestTops.Select(t => new Pending(
                "Top", t.Id.Value, StartOf(t.CompletedOn), $"{Humanise(t.Stage.ToString())} TOP completed",
                Join(t.Answers.QualityOfLife is { } life ? $"Quality of life {life}/20" : null,
                    t.Answers.PsychologicalHealth is { } mind ? $"psychological health {mind}/20" : null,
                    t.Answers.PhysicalHealth is { } body ? $"physical health {body}/20" : null),
                t.CaseId.Value, t.Scheme, t.OwnerAgency, t.DataCategory, t.RecordedBy)))
            .Concat(newestAsb.Select(r => new Pending(
                "Asb", r.Id.Value, StartOf(r.OccurredOn), $"Anti-social behaviour: {Humanise(r.Kind.ToString()).ToLowerInvariant()}", r.Description,
                null, null, r.OwnerAgency, r.DataCategory, r.RecordedBy)))
            .Concat(newestEducation.Select(r => new Pending(
                "Education", r.Id.Value, StartOf(r.Day), EducationTitle(r), EducationDetail(r),
                null, null, r.OwnerAgency, r.DataCategory, r.RecordedBy)))
            .Concat(newestEmployment.Select(r => new Pending(
                "Employment", r.Id.Value, StartOf(r.From), r.Benefit is { } benefit ? $"Out-of-work benefit: {benefit}" : Humanise(r.Kind.ToString()),
                Join(r.To is { } to ? $"Ended {to:d MMMM yyyy}" : null, r.Detail),
                null, null, r.OwnerAgency, r.DataCategory, r.RecordedBy)))
            .Concat(newestCriteria.Select(r => new Pending(
                "LocalCriterion", r.Id.Value, StartOf(r.On), $"Local criterion: {Humanise(r.Criterion).ToLowerInvariant()}", r.Evidence,
                r.CaseId.Value, Scheme.TroubledFamilies, r.OwnerAgency, r.DataCategory, r.RecordedBy)))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.RecordId)
            .PageOf(query)
            .ToList();

        var names = await users.DisplayNamesAsync(entries.Where(e => e.By is not null).Select(e => e.By!.Value).ToList(), cancellationToken);
        // Each shared entry says why it is shown and is audited: one batch per source, whatever the page size.
        var workIds = entries.Where(e => e.Kind == "Intervention").Select(e => new InterventionId(e.RecordId)).ToList();
        var offenceIds = entries.Where(e => e.Kind == "Offence").Select(e => new OffenceId(e.RecordId)).ToList();
        var treatmentWorkIds = entries.Where(e => e.Kind == "TreatmentIntervention").Select(e => new TreatmentInterventionId(e.RecordId)).ToList();
        var topIds = entries.Where(e => e.Kind == "Top").Select(e => new TopRecordId(e.RecordId)).ToList();
        var asbIds = entries.Where(e => e.Kind == "Asb").Select(e => new AsbRecordId(e.RecordId)).ToList();
        var educationIds = entries.Where(e => e.Kind == "Education").Select(e => new EducationRecordId(e.RecordId)).ToList();
        var employmentIds = entries.Where(e => e.Kind == "Employment").Select(e => new EmploymentRecordId(e.RecordId)).ToList();
        var criterionIds = entries.Where(e => e.Kind == "LocalCriterion").Select(e => new LocalCriterionRecordId(e.RecordId)).ToList();
        var caseIds = entries.Where(e => e.CaseId is not null && e.Kind is not ("Intervention" or "TreatmentIntervention" or "Top" or "LocalCriterion")).Select(e => new CaseId(e.CaseId!.Value)).Distinct().ToList();
        Func<Guid, AuditSubject> subject(string type) => id => new AuditSubject(type, id.ToString(), personId.Value,
            entries.First(e => type == "Case" ? e.CaseId == id : e.RecordId == id).Owner);
        var workAccess = await access.ExplainAndAuditAsync(audit, db.Interventions.AsNoTracking().Where(i => workIds.Contains(i.Id)), i => i.Id.Value,
            "person.timeline-entry", subject("Intervention"), cancellationToken);
        var offenceAccess = await access.ExplainAndAuditAsync(audit, db.Offences.AsNoTracking().Where(o => offenceIds.Contains(o.Id)), o => o.Id.Value,
            "person.timeline-entry", subject("Offence"), cancellationToken);
        var treatmentWorkAccess = await access.ExplainAndAuditAsync(audit, db.TreatmentInterventions.AsNoTracking().Where(i => treatmentWorkIds.Contains(i.Id)), i => i.Id.Value,
            "person.timeline-entry", subject("TreatmentIntervention"), cancellationToken);
        var topAccess = await access.ExplainAndAuditAsync(audit, db.TopRecords.AsNoTracking().Where(t => topIds.Contains(t.Id)), t => t.Id.Value,
            "person.timeline-entry", subject("TopRecord"), cancellationToken);
        var asbAccess = await access.ExplainAndAuditAsync(audit, db.AsbRecords.AsNoTracking().Where(r => asbIds.Contains(r.Id)), r => r.Id.Value,
            "person.timeline-entry", subject("AsbRecord"), cancellationToken);
        var educationAccess = await access.ExplainAndAuditAsync(audit, db.EducationRecords.AsNoTracking().Where(r => educationIds.Contains(r.Id)), r => r.Id.Value,
            "person.timeline-entry", subject("EducationRecord"), cancellationToken);
        var employmentAccess = await access.ExplainAndAuditAsync(audit, db.EmploymentRecords.AsNoTracking().Where(r => employmentIds.Contains(r.Id)), r => r.Id.Value,
            "person.timeline-entry", subject("EmploymentRecord"), cancellationToken);
        var criterionAccess = await access.ExplainAndAuditAsync(audit, db.LocalCriterionRecords.AsNoTracking().Where(r => criterionIds.Contains(r.Id)), r => r.Id.Value,
            "person.timeline-entry", subject("LocalCriterionRecord"), cancellationToken);
        var caseAccess = await access.ExplainAndAuditAsync(audit, db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)), c => c.Id.Value,
            "person.timeline-entry", subject("Case"), cancellationToken);
        var items = entries.Select(entry => new TimelineEntry(
            entry.Kind, entry.RecordId, entry.At, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(entry.At, clock.Zone).DateTime),
            entry.Title, entry.Detail, entry.CaseId, entry.Scheme?.ToString(), entry.Owner.Value, entry.Category.ToString(),
            entry.By is { } by ? names.GetValueOrDefault(by) : null,
            entry.Kind switch
            {
                "Intervention" => workAccess.GetValueOrDefault(entry.RecordId),
                "Offence" => offenceAccess.GetValueOrDefault(entry.RecordId),
                "TreatmentIntervention" => treatmentWorkAccess.GetValueOrDefault(entry.RecordId),
                "Top" => topAccess.GetValueOrDefault(entry.RecordId),
                "Asb" => asbAccess.GetValueOrDefault(entry.RecordId),
                "Education" => educationAccess.GetValueOrDefault(entry.RecordId),
                "Employment" => employmentAccess.GetValueOrDefault(entry.RecordId),
                "LocalCriterion" => criterionAccess.GetValueOrDefault(entry.RecordId),
                _ => caseAccess.GetValueOrDefault(entry.CaseId!.Value),
            })).ToList();

        audit.Record("person.timeline", AuditOutcome.Allowed, AccessRule.Owner, new AuditSubject("Person", personId.ToString(), personId.Value),
            $"Page {query.Page}: {items.Count} entries");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<TimelineEntry>(items, query.Page, query.PageSize, total);
    }

    private IEnumerable<Pending> CaseEvents(Case found)
    {
        yield return new Pending("CaseStarted", found.Id.Value, StartOf(found.StartDate), $"{found.Scheme} case started",
            found.Iom is { } iom ? Join($"Cohort {iom.Cohort}", iom.Tier is null ? null : $"tier {iom.Tier}", iom.SelectionReason) : null,
            found.Id.Value, found.Scheme, found.OwnerAgency, found.DataCategory, null);
        foreach (var nomination in found.ExitNominations)
        {
            yield return new Pending("ExitNominated", nomination.Id, nomination.NominatedAt, $"Nominated for exit: {Humanise(nomination.Reason.ToString())}",
                nomination.Note, found.Id.Value, found.Scheme, found.OwnerAgency, found.DataCategory, nomination.NominatedBy);
            if (nomination is { Decision: { } decision, DecidedAt: { } decidedAt })
            {
                yield return new Pending(decision == ExitDecision.Approved ? "ExitApproved" : "ExitRejected", nomination.Id, decidedAt,
                    decision == ExitDecision.Approved ? $"Exit approved: left {found.Scheme}" : "Exit nomination rejected",
                    nomination.DecisionNote, found.Id.Value, found.Scheme, found.OwnerAgency, found.DataCategory, nomination.DecidedBy);
            }
        }
    }

    /// <summary>"Pharmacological: methadone maintenance started".</summary>
    private static string TreatmentTitle(TreatmentIntervention given) =>
        given.Medication is { } medication
            ? $"{Humanise(given.Type.ToString())}: {medication.ToString().ToLowerInvariant()}{(given.Mode is { } mode ? " " + mode.ToString().ToLowerInvariant() : string.Empty)} started"
            : $"{Humanise(given.Type.ToString())} started";

    /// <summary>"Fixed-term exclusion (3 days)", "Attendance 2026-Autumn".</summary>
    private static string EducationTitle(EducationRecord record) => record.Kind switch
    {
        EducationKind.TermAttendance => $"Attendance {record.Term}",
        EducationKind.FixedTermExclusion => $"Fixed-term exclusion{(record.Days is { } days ? $" ({days} days)" : string.Empty)}",
        _ => Humanise(record.Kind.ToString()),
    };

    private static string? EducationDetail(EducationRecord record) =>
        record is { SessionsPossible: > 0 and var possible, UnauthorisedAbsenceSessions: { } absent }
            ? $"{absent} of {possible} sessions unauthorised absence ({100m * absent / possible:0.#}%)"
            : null;

    private DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(". ", present);
    }

    /// <summary>"HomeVisit" → "Home visit".</summary>
    public static string Humanise(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private sealed record Pending(string Kind, Guid RecordId, DateTimeOffset At, string Title, string? Detail, Guid? CaseId, Scheme? Scheme, AgencyCode Owner, DataCategory Category, Guid? By);
}
