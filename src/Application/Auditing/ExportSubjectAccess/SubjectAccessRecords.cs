using System.Globalization;
using System.Text.Json.Serialization;
using CaseManager.Application.BreakGlass;
using CaseManager.Application.Cases;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Consents;
using CaseManager.Application.Interventions;
using CaseManager.Application.Offences;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Treatment;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Treatment;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.ExportSubjectAccess;

/// <summary>
/// Every kind of record a subject access export holds (DOMAIN.md RT1), in the order the export shows them. This is
/// the one list: a new kind of record on a person is one more <see cref="SubjectAccessSource{T}"/> here (how to
/// load it, its id, agency and category, and the columns a reader sees), and the page, the JSON and "who accessed
/// it" follow. Reads here bypass the record access rule on purpose (ADR 0011): the export is governance only.
/// </summary>
public static class SubjectAccessRecords
{
    public static readonly IReadOnlyList<SubjectAccessSource> All =
    [
        new SubjectAccessSource<CaseView>(
            "cases", "Cases", "No cases are held on this person.",
            LoadCasesAsync,
            c => new(c.Id, c.OwnerAgency, c.DataCategory),
            [
                ("Scheme", c => Named<Scheme>(c.Scheme)),
                ("Agency", c => c.OwnerAgency),
                ("Status", c => c.Status),
                ("Started", c => c.StartDate),
                ("Ended", c => c.ExitedOn),
                ("Allocated to", c => c.AllocatedToName),
                ("IOM cohort and tier", c => c.Cohort is null ? null : $"{c.Cohort}{(c.Tier is null ? string.Empty : $", tier {c.Tier}")}"),
                ("Why selected", c => c.SelectionReason),
                ("Exit nominations", c => c.ExitNominations.Count == 0 ? null : string.Join("; ", c.ExitNominations.Select(Describe))),
            ]),
        new SubjectAccessSource<SubjectAccessFamilyCase>(
            "familyCases", "Family cases of their households", "No family case is held on a household this person has been a member of.",
            LoadFamilyCasesAsync,
            f => new(f.Case.Id, f.Case.OwnerAgency, f.Case.DataCategory),
            [
                ("Scheme", f => Named<Scheme>(f.Case.Scheme)),
                ("Household", f => f.HouseholdName),
                ("Agency", f => f.Case.OwnerAgency),
                ("Status", f => f.Case.Status),
                ("Started", f => f.Case.StartDate),
                ("Ended", f => f.Case.ExitedOn),
                ("Allocated to", f => f.Case.AllocatedToName),
                ("Exit nominations", f => f.Case.ExitNominations.Count == 0 ? null : string.Join("; ", f.Case.ExitNominations.Select(Describe))),
            ]),
        new SubjectAccessSource<InterventionView>(
            "interventions", "Work on cases", "No work has been logged on this person's cases.",
            LoadInterventionsAsync,
            i => new(i.Id, i.OwnerAgency, i.DataCategory),
            [
                ("When", i => i.OccurredAt),
                ("What", i => Named<InterventionType>(i.Type)),
                ("Scheme", i => Named<Scheme>(i.Scheme)),
                ("Agency", i => i.OwnerAgency),
                ("Minutes", i => i.DurationMinutes),
                ("Outcome", i => i.Outcome),
                ("Notes", i => i.Notes),
                ("Drug test", i => i.Result is null ? null : $"{i.Result}{(i.Substances.Count == 0 ? string.Empty : $": {string.Join(", ", i.Substances)}")}"),
                ("Recorded by", i => i.RecordedByName),
            ]),
        new SubjectAccessSource<OffenceView>(
            "offences", "Offences", "No offences are recorded on this person.",
            LoadOffencesAsync,
            o => new(o.Id, o.OwnerAgency, o.DataCategory),
            [
                ("Offence", o => o.OffenceTypeName ?? o.OffenceType),
                ("Committed", o => o.CommittedOn),
                ("Convicted", o => o.ConvictedOn),
                ("Outcome", o => o.Outcome),
                ("Agency", o => o.OwnerAgency),
                ("Recorded", o => o.RecordedAt),
            ]),
        new SubjectAccessSource<SubjectAccessTreatmentEpisode>(
            "treatmentEpisodes", "Substance misuse treatment episodes", "No treatment episodes are held on this person.",
            LoadTreatmentEpisodesAsync,
            e => new(e.CaseId, e.OwnerAgency, e.DataCategory),
            [
                ("Service", e => Named<Scheme>(e.Service)),
                ("Agency", e => e.OwnerAgency),
                ("Started", e => e.StartDate),
                ("Referral", e => $"{e.ReferralDate:d MMMM yyyy}: {e.ReferralSource}"),
                ("Triage", e => e.TriageDate),
                ("Substances", e => string.Join(", ", new[] { e.PrimarySubstance, e.SecondarySubstance, e.TertiarySubstance }.OfType<string>())),
                ("Injecting", e => e.InjectingStatus),
                ("Discharged", e => e.DischargedOn is { } on ? $"{on:d MMMM yyyy}: {e.DischargeReason}" : null),
                ("Successful completion", e => e.SuccessfulCompletion switch { true => "Yes", false => "No", null => null }),
            ]),
        new SubjectAccessSource<TreatmentInterventionView>(
            "treatmentInterventions", "Treatment interventions", "No treatment interventions are held on this person.",
            LoadTreatmentInterventionsAsync,
            i => new(i.Id, i.OwnerAgency, i.DataCategory),
            [
                ("Intervention", i => i.Type),
                ("Medication", i => i.Medication is null ? null : $"{i.Medication}{(i.Mode is null ? string.Empty : $" ({i.Mode})")}"),
                ("Started", i => i.StartDate),
                ("Ended", i => i.EndDate),
                ("Agency", i => i.OwnerAgency),
                ("Recorded by", i => i.RecordedByName),
            ]),
        new SubjectAccessSource<TopRecordView>(
            "tops", "Treatment outcome profiles (TOP)", "No treatment outcome profiles are held on this person.",
            LoadTopsAsync,
            t => new(t.Id, t.OwnerAgency, t.DataCategory),
            [
                ("Stage", t => t.Stage),
                ("Completed", t => t.CompletedOn),
                ("Answers", t => Answers(t.Answers)),
                ("Agency", t => t.OwnerAgency),
                ("Recorded by", t => t.RecordedByName),
            ]),
        new SubjectAccessSource<AsbRecordView>(
            "asb", "Anti-social behaviour", "No anti-social behaviour is recorded on this person.",
            LoadAsbAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("What", r => Named<AsbKind>(r.Kind)),
                ("When", r => r.OccurredOn),
                ("Description", r => r.Description),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<EducationRecordView>(
            "education", "Education", "No education records are held on this person.",
            LoadEducationAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("What", r => Named<EducationKind>(r.Kind)),
                ("When", r => r.On),
                ("Term", r => r.Term),
                ("Days", r => r.Days),
                ("Sessions possible", r => r.SessionsPossible),
                ("Unauthorised absences", r => r.UnauthorisedAbsenceSessions),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<EmploymentRecordView>(
            "employment", "Employment and benefits", "No employment or benefit records are held on this person.",
            LoadEmploymentAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("What", r => Named<EmploymentKind>(r.Kind)),
                ("Benefit", r => r.Benefit),
                ("From", r => r.From),
                ("To", r => r.To),
                ("Detail", r => r.Detail),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<SubjectAccessMembership>(
            "households", "Households", "This person has not been recorded as a member of any household.",
            LoadMembershipsAsync,
            m => new(m.HouseholdId, m.OwnerAgency, m.DataCategory),
            [
                ("Household", m => m.HouseholdName),
                ("Address", m => m.Address),
                ("Relationship", m => Named<Relationship>(m.Relationship)),
                ("From", m => m.From),
                ("To", m => m.To),
                ("Agency", m => m.OwnerAgency),
            ]),
        new SubjectAccessSource<LocalCriterionRecordView>(
            "localCriteria", "Troubled Families local criteria", "No local criteria are recorded on this person or their households.",
            LoadLocalCriteriaAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("Criterion", r => r.Criterion),
                ("About", r => r.PersonId is null ? "The household" : "This person"),
                ("Found on", r => r.On),
                ("Evidence", r => r.Evidence),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<SubjectAccessFamilyAssessment>(
            "familyAssessments", "Whole-family assessments", "No whole-family assessment is held on a household this person has been a member of.",
            LoadFamilyAssessmentsAsync,
            a => new(a.Id, a.OwnerAgency, a.DataCategory),
            [
                ("Completed", a => a.CompletedOn),
                ("Agency", a => a.OwnerAgency),
                ("Summary", a => a.Summary),
                ("Strengths", a => a.Strengths),
                ("Needs of this person and the family", a => a.Needs.Count == 0 ? null : string.Join("; ", a.Needs.Select(n => $"{n.About}: {n.Area}{(n.Detail is null ? string.Empty : $" ({n.Detail})")}"))),
            ]),
        new SubjectAccessSource<SubjectAccessPlanAction>(
            "familyPlanActions", "Family plan actions", "No family plan action is held for this person or their households.",
            LoadFamilyPlanActionsAsync,
            a => new(a.Id, a.OwnerAgency, a.DataCategory),
            [
                ("Action", a => a.Description),
                ("For", a => a.About),
                ("Agency", a => a.OwnerAgency),
                ("Due", a => a.DueOn),
                ("Done", a => a.CompletedOn),
                ("Note", a => a.CompletionNote),
            ]),
        new SubjectAccessSource<ConsentView>(
            "consents", "Consent decisions", "No consent decisions have been recorded.",
            LoadConsentsAsync,
            c => new(c.Id, c.OwnerAgency, nameof(DataCategory.Identity)),
            [
                ("Purpose", c => Named<Scheme>(c.Purpose)),
                ("Shared with", c => string.Join(", ", c.RecipientAgencies)),
                ("Information", c => c.DataCategories.Select(Named<DataCategory>).ToList()),
                ("Status", c => Named<ConsentStatus>(c.Status)),
                ("Given by", c => Named<ConsentGivenBy>(c.GivenBy)),
                ("Recorded", c => c.RecordedOn),
                ("Review by", c => c.ReviewOn),
                ("Withdrawn", c => c.WithdrawnAt is { } at ? $"{Day(at)}{(c.WithdrawalReason is { } reason ? $": {reason}" : string.Empty)}" : null),
                ("Evidence", c => c.Evidence),
            ]),
        new SubjectAccessSource<SubjectAccessReview>(
            "reviews", "Reviews", "No reviews are held on this person.",
            LoadReviewsAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("Review", r => Named<ReviewKind>(r.Kind)),
                ("Scheme", r => Named<Scheme>(r.Scheme)),
                ("Agency", r => r.OwnerAgency),
                ("Due", r => r.DueOn),
                ("Status", r => r.Status),
                ("Completed", r => r.CompletedOn),
                ("By", r => r.CompletedByName),
                ("Summary", r => r.Summary),
            ]),
        new SubjectAccessSource<BreakGlassView>(
            "breakGlass", "Break-glass access", "Nobody has used break-glass access to this person.",
            LoadBreakGlassAsync,
            g => new(g.Id, g.UserAgency, nameof(DataCategory.Identity)),
            [
                ("Used", g => g.GrantedAt),
                ("By", g => g.UserName),
                ("Agency", g => g.UserAgency),
                ("Risk", g => Named<RiskCategory>(g.RiskCategory)),
                ("Justification", g => g.Justification),
                ("Until", g => g.ExpiresAt),
                ("Review", g => g.ReviewOutcome is { } outcome ? $"{outcome}: {g.ReviewNote}" : "Awaiting review"),
                ("Person told", g => g.PersonInformed switch
                {
                    true => "Yes",
                    false => $"No: {g.PersonInformedNote}",
                    null => "Not recorded",
                }),
            ]),
        new SubjectAccessSource<SubjectAccessClaimLine>(
            "familyClaims", "Payment-by-results claims for their households", "No payment-by-results claim names a household this person has been a member of.",
            LoadClaimLinesAsync,
            l => new(l.LineId, l.PreparedByAgency, nameof(DataCategory.Identity)),
            [
                ("Household", l => l.HouseholdName),
                ("Phase", l => l.Phase),
                ("Outcome", l => Named<ClaimOutcome>(l.Outcome)),
                ("Amount", l => l.Amount.ToString("C", CultureInfo.GetCultureInfo("en-GB"))),
                ("Status", l => Named<ClaimLineStatus>(l.Status)),
                ("Proposed", l => l.ProposedAt),
                ("Agency", l => l.PreparedByAgency),
            ]),
        new SubjectAccessSource<SubjectAccessReminder>(
            "reminders", "Review reminders sent to workers", "No reminders have been sent about this person's reviews.",
            LoadRemindersAsync,
            n => new(n.Id, n.OwnerAgency, n.DataCategory),
            [
                ("Raised", n => n.CreatedAt),
                ("To", n => n.UserName),
                ("Reminder", n => Named<NotificationKind>(n.Kind)),
                ("Review", n => Named<ReviewKind>(n.ReviewKind)),
                ("Due", n => n.DueOn),
                ("Read", n => n.ReadAt),
            ]),
    ];

    /// <summary>An enum the views carry by name, back as the enum, so the page can show it in words.</summary>
    private static object Named<TEnum>(string name)
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(name, out var value) ? value : name;

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Describe(ExitNominationView nomination) =>
        $"{nomination.Reason}, nominated by {nomination.NominatedByName ?? "a user no longer known"} on {Day(nomination.NominatedAt)}: "
        + (nomination.Decision is null ? "awaiting decision" : $"{nomination.Decision} by {nomination.DecidedByName ?? "a user no longer known"}{(nomination.DecisionNote is { } note ? $" ({note})" : string.Empty)}");

    private static async Task<IReadOnlyList<CaseView>> LoadCasesAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var cases = await context.Db.Cases.AsNoTracking().Where(c => c.PersonId == context.PersonId)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(cases.SelectMany(CaseView.UsersNamedBy).Distinct().ToList(), ct);
        return cases.Select(c => CaseView.From(c, context.PersonName, names, access: null)).ToList();
    }

    private static async Task<IReadOnlyList<InterventionView>> LoadInterventionsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var work = await context.Db.Interventions.AsNoTracking().Where(i => i.PersonId == context.PersonId)
            .OrderBy(i => i.OccurredAt).ThenBy(i => i.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(work.Select(i => i.RecordedBy).Distinct().ToList(), ct);
        return work.Select(i => InterventionView.From(i, names.GetValueOrDefault(i.RecordedBy), access: null)).ToList();
    }

    private static async Task<IReadOnlyList<OffenceView>> LoadOffencesAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var offences = await context.Db.Offences.AsNoTracking().Where(o => o.PersonId == context.PersonId)
            .OrderBy(o => o.CommittedOn).ThenBy(o => o.Id).ToListAsync(ct);
        var codes = offences.Select(o => o.OffenceType).Distinct().ToList();
        var typeNames = await context.Db.OffenceTypes.AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return offences.Select(o => OffenceView.From(o, typeNames.GetValueOrDefault(o.OffenceType), access: null)).ToList();
    }

    private static async Task<IReadOnlyList<AsbRecordView>> LoadAsbAsync(SubjectAccessContext context, CancellationToken ct) =>
        (await context.Db.AsbRecords.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.OccurredOn).ThenBy(r => r.Id).ToListAsync(ct))
        .Select(r => AsbRecordView.From(r, access: null)).ToList();

    private static async Task<IReadOnlyList<EducationRecordView>> LoadEducationAsync(SubjectAccessContext context, CancellationToken ct) =>
        (await context.Db.EducationRecords.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.Day).ThenBy(r => r.Id).ToListAsync(ct))
        .Select(r => EducationRecordView.From(r, access: null)).ToList();

    private static async Task<IReadOnlyList<EmploymentRecordView>> LoadEmploymentAsync(SubjectAccessContext context, CancellationToken ct) =>
        (await context.Db.EmploymentRecords.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.From).ThenBy(r => r.Id).ToListAsync(ct))
        .Select(r => EmploymentRecordView.Of(r, access: null)).ToList();

    /// <summary>Criteria about the person, and those about the whole family of a household they have been a member of.</summary>
    private static async Task<IReadOnlyList<LocalCriterionRecordView>> LoadLocalCriteriaAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var personId = context.PersonId;
        var households = context.Db.Households.Where(h => h.Members.Any(m => m.PersonId == personId)).Select(h => h.Id);
        return (await context.Db.LocalCriterionRecords.AsNoTracking()
                .Where(r => r.PersonId == personId || (r.PersonId == null && households.Contains(r.HouseholdId)))
                .OrderBy(r => r.On).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(r => LocalCriterionRecordView.From(r, access: null)).ToList();
    }

    // The family's own assessment and plan (FAM1) hold the needs and actions about this person and about the family
    // as a whole; needs and actions about other members are theirs, not this person's.
    private static async Task<IReadOnlyList<SubjectAccessFamilyAssessment>> LoadFamilyAssessmentsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var personId = context.PersonId;
        var households = HouseholdsOf(context);
        var assessments = await context.Db.FamilyAssessments.AsNoTracking().Where(a => households.Contains(a.HouseholdId))
            .Join(context.Db.Cases.AsNoTracking(), a => a.CaseId, c => c.Id, (a, c) => new { Assessment = a, c.DataCategory })
            .OrderBy(a => a.Assessment.CompletedOn).ThenBy(a => a.Assessment.Id).ToListAsync(ct);
        var ids = assessments.Select(a => a.Assessment.Id).ToList();
        var needs = (await context.Db.FamilyAssessmentNeeds.AsNoTracking()
                .Where(n => ids.Contains(n.AssessmentId) && (n.PersonId == personId || n.PersonId == null))
                .ToListAsync(ct))
            .ToLookup(n => n.AssessmentId);
        return assessments.Select(a => new SubjectAccessFamilyAssessment(
            a.Assessment.Id.Value, a.Assessment.CaseId.Value, a.Assessment.HouseholdId.Value, a.Assessment.CompletedOn, a.Assessment.Summary,
            a.Assessment.Strengths,
            needs[a.Assessment.Id].OrderBy(n => n.PersonId is null).ThenBy(n => n.Area)
                .Select(n => new SubjectAccessNeed(n.PersonId is null ? "The family" : "This person", n.Area.ToString(), n.Detail, n.DataCategory.ToString())).ToList(),
            a.Assessment.OwnerAgency.Value, a.DataCategory.ToString())).ToList();
    }

    private static async Task<IReadOnlyList<SubjectAccessPlanAction>> LoadFamilyPlanActionsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var personId = context.PersonId;
        var households = HouseholdsOf(context);
        return (await context.Db.FamilyPlanActions.AsNoTracking()
                .Where(a => households.Contains(a.HouseholdId) && (a.ForPersonId == personId || a.ForPersonId == null))
                .Join(context.Db.Cases.AsNoTracking(), a => a.CaseId, c => c.Id, (a, c) => new { Action = a, c.DataCategory })
                .OrderBy(a => a.Action.DueOn).ThenBy(a => a.Action.Id).ToListAsync(ct))
            .Select(a => new SubjectAccessPlanAction(
                a.Action.Id.Value, a.Action.CaseId.Value, a.Action.HouseholdId.Value, a.Action.Description, a.Action.ForPersonId is null ? "The family" : "This person",
                a.Action.Need?.ToString(), a.Action.DueOn, a.Action.CompletedOn, a.Action.CompletionNote, a.Action.OwnerAgency.Value, a.DataCategory.ToString()))
            .ToList();
    }

    private static async Task<IReadOnlyList<ConsentView>> LoadConsentsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var consents = await context.Db.Consents.AsNoTracking().Where(c => c.PersonId == context.PersonId).OrderBy(c => c.RecordedOn).ToListAsync(ct);
        return consents.Select(c => ConsentView.From(c, context.Clock.Today)).ToList();
    }

    private static async Task<IReadOnlyList<SubjectAccessReview>> LoadReviewsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var reviews = await context.Db.Reviews.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(reviews.Where(r => r.CompletedBy is not null).Select(r => r.CompletedBy!.Value).Distinct().ToList(), ct);
        return reviews.Select(r => new SubjectAccessReview(
            r.Id.Value, r.CaseId?.Value, r.ConsentId?.Value, r.Scheme.ToString(), r.Kind.ToString(), r.Status.ToString(), r.DueOn, r.CompletedOn,
            r.Summary, r.CompletedBy, r.CompletedBy is { } by ? names.GetValueOrDefault(by) : null, r.OwnerAgency.Value, r.DataCategory.ToString())).ToList();
    }

    private static async Task<IReadOnlyList<BreakGlassView>> LoadBreakGlassAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var grants = await context.Db.BreakGlassGrants.AsNoTracking().Where(g => g.PersonId == context.PersonId).OrderBy(g => g.ExpiresAtUtc).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(grants.Select(g => g.UserId).Distinct().ToList(), ct);
        return grants.Select(g => BreakGlassView.From(g, context.Clock.Now) with { UserName = names.GetValueOrDefault(g.UserId), PersonName = context.PersonName }).ToList();
    }
    /// <summary>The households the person has been a member of, at any time.</summary>
    private static IQueryable<HouseholdId> HouseholdsOf(SubjectAccessContext context)
    {
        var personId = context.PersonId;
        return context.Db.Households.Where(h => h.Members.Any(m => m.PersonId == personId)).Select(h => h.Id);
    }

    private static async Task<IReadOnlyList<SubjectAccessFamilyCase>> LoadFamilyCasesAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var households = HouseholdsOf(context);
        var cases = await context.Db.Cases.AsNoTracking().Where(c => c.HouseholdId != null && households.Contains(c.HouseholdId.Value))
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        var ids = cases.Select(c => c.HouseholdId!.Value).Distinct().ToList();
        var names = await context.Db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var users = await context.Users.DisplayNamesAsync(cases.SelectMany(CaseView.UsersNamedBy).Distinct().ToList(), ct);
        return cases.Select(c => new SubjectAccessFamilyCase(
            c.HouseholdId!.Value.Value, names.GetValueOrDefault(c.HouseholdId.Value) ?? "A household without a name", CaseView.From(c, personName: null, users, access: null))).ToList();
    }

    private static async Task<IReadOnlyList<SubjectAccessTreatmentEpisode>> LoadTreatmentEpisodesAsync(SubjectAccessContext context, CancellationToken ct) =>
        (await context.Db.TreatmentEpisodes.AsNoTracking().Where(e => e.PersonId == context.PersonId)
            .OrderBy(e => e.StartDate).ThenBy(e => e.CaseId).ToListAsync(ct))
        .Select(e => new SubjectAccessTreatmentEpisode(
            e.CaseId.Value, e.Service.ToString(), e.StartDate, e.ReferralDate, e.ReferralSource, e.TriageDate, e.PrimarySubstance.ToString(),
            e.SecondarySubstance?.ToString(), e.TertiarySubstance?.ToString(), e.InjectingStatus.ToString(), e.OpiateClient, e.DischargedOn,
            e.DischargeReason?.ToString(), e.SuccessfulCompletion, e.OwnerAgency.Value, e.DataCategory.ToString()))
        .ToList();

    private static async Task<IReadOnlyList<TreatmentInterventionView>> LoadTreatmentInterventionsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var given = await context.Db.TreatmentInterventions.AsNoTracking().Where(i => i.PersonId == context.PersonId)
            .OrderBy(i => i.StartDate).ThenBy(i => i.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(given.Select(i => i.RecordedBy).Distinct().ToList(), ct);
        return given.Select(i => TreatmentInterventionView.From(i, names.GetValueOrDefault(i.RecordedBy), access: null)).ToList();
    }

    private static async Task<IReadOnlyList<TopRecordView>> LoadTopsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var tops = await context.Db.TopRecords.AsNoTracking().Where(t => t.PersonId == context.PersonId)
            .OrderBy(t => t.CompletedOn).ThenBy(t => t.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(tops.Select(t => t.RecordedBy).Distinct().ToList(), ct);
        return tops.Select(t => TopRecordView.From(t, names.GetValueOrDefault(t.RecordedBy), access: null)).ToList();
    }

    /// <summary>The TOP answers given, in words for the page ("OpiateDays 26; QualityOfLife 6"); the JSON holds them whole.</summary>
    private static string Answers(TopAnswers answers) =>
        string.Join("; ", typeof(TopAnswers).GetProperties()
            .Select(p => (p.Name, Value: p.GetValue(answers)))
            .Where(a => a.Value is not null)
            .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name} {a.Value}")));

    private static async Task<IReadOnlyList<SubjectAccessMembership>> LoadMembershipsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var personId = context.PersonId;
        var households = await context.Db.Households.AsNoTracking().Where(h => h.Members.Any(m => m.PersonId == personId)).ToListAsync(ct);
        return households
            .SelectMany(h => h.Members.Where(m => m.PersonId == personId).Select(m => new SubjectAccessMembership(
                h.Id.Value, m.Id, h.Name, h.Address, m.Relationship.ToString(), m.From, m.To, h.OwnerAgency.Value, h.DataCategory.ToString())))
            .OrderBy(m => m.From).ThenBy(m => m.MemberId)
            .ToList();
    }

    private static async Task<IReadOnlyList<SubjectAccessClaimLine>> LoadClaimLinesAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var households = HouseholdsOf(context);
        var lines = await context.Db.ClaimLines.AsNoTracking().Where(l => households.Contains(l.HouseholdId))
            .OrderBy(l => l.ProposedAt).ThenBy(l => l.Id).ToListAsync(ct);
        var ids = lines.Select(l => l.HouseholdId).Distinct().ToList();
        var names = await context.Db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var claims = lines.Select(l => l.ClaimId).Distinct().ToList();
        var agencies = await context.Db.Claims.AsNoTracking().Where(c => claims.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.PreparedByAgency.Value, ct);
        return lines.Select(l => new SubjectAccessClaimLine(
            l.Id.Value, l.ClaimId.Value, l.CaseId.Value, l.HouseholdId.Value, names.GetValueOrDefault(l.HouseholdId) ?? "A household without a name",
            l.Phase, l.Outcome.ToString(), l.Amount, l.Status.ToString(), l.ProposedAt, l.DecidedAt, l.Note, agencies.GetValueOrDefault(l.ClaimId) ?? string.Empty))
            .ToList();
    }

    /// <summary>The reminders raised about the person's reviews, to whom, and whether they were read.</summary>
    private static async Task<IReadOnlyList<SubjectAccessReminder>> LoadRemindersAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var personId = context.PersonId;
        var reviews = context.Db.Reviews.Where(r => r.PersonId == personId);
        var reminders = await context.Db.Notifications.AsNoTracking()
            .Join(reviews, n => n.ReviewId, r => r.Id, (n, r) => new { Notice = n, r.DataCategory })
            .OrderBy(x => x.Notice.CreatedAt).ThenBy(x => x.Notice.Id)
            .ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(reminders.Select(x => x.Notice.UserId).Distinct().ToList(), ct);
        return reminders.Select(x => new SubjectAccessReminder(
            x.Notice.Id, x.Notice.ReviewId.Value, x.Notice.CaseId?.Value, x.Notice.ConsentId?.Value, x.Notice.Kind.ToString(), x.Notice.ReviewKind.ToString(),
            x.Notice.DueOn, x.Notice.UserId, names.GetValueOrDefault(x.Notice.UserId), x.Notice.CreatedAt, x.Notice.ReadAt, x.Notice.OwnerAgency.Value,
            x.DataCategory.ToString()))
            .ToList();
    }
}

/// <summary>What a source needs to load the records on one person.</summary>
public sealed record SubjectAccessContext(IAppDbContext Db, IUserDirectory Users, PartnershipClock Clock, PersonId PersonId, string PersonName);

/// <summary>The identity of one record: its id (as the audit trail names it), owning agency and data category.</summary>
public readonly record struct SubjectAccessKey(Guid Id, string OwnerAgency, string DataCategory);

/// <summary>One kind of record in the export; see <see cref="SubjectAccessRecords"/>.</summary>
public abstract class SubjectAccessSource
{
    public abstract string Kind { get; }

    public abstract Task<SubjectAccessSection> LoadAsync(SubjectAccessContext context, Func<Guid, IReadOnlyList<AuditEntryView>> accessedBy, CancellationToken cancellationToken);
}

public sealed class SubjectAccessSource<T>(
    string kind,
    string title,
    string whenEmpty,
    Func<SubjectAccessContext, CancellationToken, Task<IReadOnlyList<T>>> load,
    Func<T, SubjectAccessKey> key,
    IReadOnlyList<(string Header, Func<T, object?> Cell)> columns) : SubjectAccessSource
    where T : class
{
    public override string Kind => kind;

    public override async Task<SubjectAccessSection> LoadAsync(SubjectAccessContext context, Func<Guid, IReadOnlyList<AuditEntryView>> accessedBy, CancellationToken cancellationToken)
    {
        var records = await load(context, cancellationToken);
        return new SubjectAccessSection(
            kind,
            title,
            whenEmpty,
            columns.Select(c => c.Header).ToList(),
            records.Select(record =>
            {
                var (id, owner, category) = key(record);
                return new SubjectAccessRecord(id, owner, category, record, columns.Select(c => c.Cell(record)).ToList(), accessedBy(id));
            }).ToList());
    }
}

/// <summary>
/// All the records of one kind. The JSON holds each record whole (<see cref="SubjectAccessRecord.Record"/>); the
/// headers and cells are what the printable page shows.
/// </summary>
public sealed record SubjectAccessSection(
    string Kind,
    string Title,
    [property: JsonIgnore] string WhenEmpty,
    [property: JsonIgnore] IReadOnlyList<string> Headers,
    IReadOnlyList<SubjectAccessRecord> Records);

/// <summary>One record with everyone who read, changed or was refused it (the audit entries naming it).</summary>
public sealed record SubjectAccessRecord(
    Guid Id,
    string OwnerAgency,
    string DataCategory,
    object Record,
    [property: JsonIgnore] IReadOnlyList<object?> Cells,
    IReadOnlyList<AuditEntryView> AccessedBy);

/// <summary>A whole-family assessment of one of the person's households, with the needs about them and the family.</summary>
public sealed record SubjectAccessFamilyAssessment(
    Guid Id,
    Guid CaseId,
    Guid HouseholdId,
    DateOnly CompletedOn,
    string Summary,
    string? Strengths,
    IReadOnlyList<SubjectAccessNeed> Needs,
    string OwnerAgency,
    string DataCategory);

/// <summary>One need of an assessment: about this person or the family.</summary>
public sealed record SubjectAccessNeed(string About, string Area, string? Detail, string DataCategory);

/// <summary>A family plan action for the person or for the family of one of their households.</summary>
public sealed record SubjectAccessPlanAction(
    Guid Id,
    Guid CaseId,
    Guid HouseholdId,
    string Description,
    string About,
    string? Need,
    DateOnly DueOn,
    DateOnly? CompletedOn,
    string? CompletionNote,
    string OwnerAgency,
    string DataCategory);

/// <summary>A review on the person, as the export holds it.</summary>
public sealed record SubjectAccessReview(
    Guid Id,
    Guid? CaseId,
    Guid? ConsentId,
    string Scheme,
    string Kind,
    string Status,
    DateOnly DueOn,
    DateOnly? CompletedOn,
    string? Summary,
    Guid? CompletedBy,
    string? CompletedByName,
    string OwnerAgency,
    string DataCategory);

/// <summary>A treatment episode on the person (DT1, DT2), keyed by its case, as the export holds it.</summary>
public sealed record SubjectAccessTreatmentEpisode(
    Guid CaseId,
    string Service,
    DateOnly StartDate,
    DateOnly ReferralDate,
    string ReferralSource,
    DateOnly? TriageDate,
    string PrimarySubstance,
    string? SecondarySubstance,
    string? TertiarySubstance,
    string InjectingStatus,
    bool OpiateClient,
    DateOnly? DischargedOn,
    string? DischargeReason,
    bool? SuccessfulCompletion,
    string OwnerAgency,
    string DataCategory);

/// <summary>One of the person's household memberships (FAM2), with the household it is in.</summary>
public sealed record SubjectAccessMembership(
    Guid HouseholdId,
    Guid MemberId,
    string? HouseholdName,
    string? Address,
    string Relationship,
    DateOnly From,
    DateOnly? To,
    string OwnerAgency,
    string DataCategory);

/// <summary>A payment-by-results claim line for a household the person has been a member of (TF3, TF4).</summary>
public sealed record SubjectAccessClaimLine(
    Guid LineId,
    Guid ClaimId,
    Guid CaseId,
    Guid HouseholdId,
    string HouseholdName,
    int Phase,
    string Outcome,
    decimal Amount,
    string Status,
    DateTimeOffset ProposedAt,
    DateTimeOffset? DecidedAt,
    string? Note,
    string PreparedByAgency);

/// <summary>A reminder raised for a worker about one of the person's reviews.</summary>
public sealed record SubjectAccessReminder(
    Guid Id,
    Guid ReviewId,
    Guid? CaseId,
    Guid? ConsentId,
    string Kind,
    string ReviewKind,
    DateOnly DueOn,
    Guid UserId,
    string? UserName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    string OwnerAgency,
    string DataCategory);

/// <summary>A family case (FAM1) of a household the person has been a member of, with the household's name.</summary>
public sealed record SubjectAccessFamilyCase(Guid HouseholdId, string HouseholdName, CaseView Case);
