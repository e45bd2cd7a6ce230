using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.ListConsents;
using CaseManager.Application.Offences.ListOffences;
using CaseManager.Application.Outcomes.ListAsb;
using CaseManager.Application.Outcomes.ListEducation;
using CaseManager.Application.Outcomes.ListEmployment;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.People.GetWithheldRecords;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Pages.Cases;
using CaseManager.Web.Pages.People.Outcomes;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.People;

/// <summary>
/// A person's record, one part at a time under the MOJ sub-navigation (summary, cases, timeline, offences, ASB,
/// education, work and benefits, consent, households): <c>?section=</c> picks the part, rendered on the server; the
/// timeline is its own page. Each part's records are read through the same query as the API, so a record the reader
/// may not see is not there.
/// </summary>
public sealed class PersonDetailsModel(ISender sender, ICurrentUser currentUser, LocalTime time) : PageModel
{
    /// <summary>How many of a person's records a part lists, most recent first; the timeline shows them all.</summary>
    private const int PartSize = 20;

    public PersonDetailsView? Person { get; private set; }

    /// <summary>The part of the record shown.</summary>
    public PersonSection Section { get; private set; } = PersonSection.Summary;

    public PersonNav Nav { get; private set; } = new([]);



    public IReadOnlyList<SummaryRow> Details { get; private set; } = [];

    /// <summary>Why the reader sees a person another agency owns, under an agreement (with or without consent).</summary>
    public string? SharedBecause { get; private set; }

    /// <summary>When the reader's break-glass access to this person ends, when that is why they see them.</summary>
    public string? BreakGlassUntil { get; private set; }

    /// <summary>For the user whose break-glass access shows them this person: where to record whether the person was told.</summary>
    public string? PersonInformedHref { get; private set; }

    public IReadOnlyList<string> WithheldRecords { get; private set; } = [];

    public IReadOnlyList<ConsentRow> Consents { get; private set; } = [];

    public IReadOnlyList<PersonCaseRow> Cases { get; private set; } = [];

    public IReadOnlyList<OffenceRow> Offences { get; private set; } = [];

    public string? MoreOffences { get; private set; }

    public IReadOnlyList<AsbRow> AsbRecords { get; private set; } = [];

    public IReadOnlyList<EducationRow> EducationRecords { get; private set; } = [];

    public IReadOnlyList<EmploymentRow> EmploymentRecords { get; private set; } = [];

    /// <summary>When a part lists only the most recent of the person's records: how many there are, and where the rest are.</summary>
    public string? MoreRecords { get; private set; }

    public string RecordAsbHref => $"/people/{Person!.Id}/asb/record";

    public string RecordEducationHref => $"/people/{Person!.Id}/education/record";

    public string RecordEmploymentHref => $"/people/{Person!.Id}/employment/record";

    public string TimelineHref => PersonSections.Href(Person!.Id, PersonSection.Timeline);

    public string EnrolHref => $"/cases/open?personId={Person!.Id}";

    public string RecordOffenceHref => $"/people/{Person!.Id}/offences/record";

    public bool CanWrite => Policies.Allows(Policies.WriteCaseData, currentUser.Actor);

    public string ConsentCreateHref => $"/people/{Person!.Id}/consents/create";

    /// <summary>
    /// Break-glass is offered only to someone outside the owning agency whom it would show more. The owner never sees it
    /// on their own record, even when another agency withholds records on the person: those records are for that
    /// agency to share, and the page says whom to contact. Nor does anyone else who already reads everything held.
    /// </summary>
    public bool CanBreakGlass => Policies.Allows(Policies.BreakGlass, currentUser.Actor) && !ReadsEverything && !OwnsRecord;

    /// <summary>The reader's agency owns the person record.</summary>
    public bool OwnsRecord => currentUser.Actor.Agency is { } agency && string.Equals(agency.ToString(), Person?.OwnerAgency, StringComparison.Ordinal);

    /// <summary>The reader sees the person by ownership or role (no sharing rule needed) and no agency withholds a record.</summary>
    public bool ReadsEverything { get; private set; }

    public string BreakGlassHref => $"/people/{Person!.Id}/break-glass";

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "section")] string? section, CancellationToken cancellationToken)
    {
        if (PersonSections.Parse(section) is not { } shown)
        {
            return NotFound();
        }

        var personId = new PersonId(id);
        var person = await sender.Send(new GetPersonQuery(personId), cancellationToken);
        Person = person;
        Section = shown;

        // Every part is read through the person gate that has just let the reader see the person, so each is offered.
        Nav = PersonSections.Nav(id, shown);
        (SharedBecause, BreakGlassUntil) = Explain(person.Access);
        PersonInformedHref = person.Access is { Rule: AccessRules.BreakGlass, GrantId: { } grantId } ? $"/break-glass/{grantId}/person-informed" : null;
        switch (shown)
        {
            case PersonSection.Cases:
                await LoadCasesAsync(personId, cancellationToken);
                break;
            case PersonSection.Offences:
                await LoadOffencesAsync(personId, cancellationToken);
                break;
            case PersonSection.Asb:
                await LoadAsbAsync(personId, cancellationToken);
                break;
            case PersonSection.Education:
                await LoadEducationAsync(personId, cancellationToken);
                break;
            case PersonSection.Employment:
                await LoadEmploymentAsync(personId, cancellationToken);
                break;
            case PersonSection.Consent:
                Consents = (await sender.Send(new ListConsentsQuery(personId), cancellationToken)).Select(ToRow).ToList();
                break;
            default:
                await LoadSummaryAsync(person, cancellationToken);
                break;
        }

        return Page();
    }

    private async Task LoadSummaryAsync(PersonDetailsView person, CancellationToken cancellationToken)
    {
        var withheld = await sender.Send(new GetWithheldRecordsQuery(new PersonId(person.Id)), cancellationToken);
        Details =
        [
            new("Date of birth", LocalTime.Date(person.DateOfBirth)),
            new("Gender", person.Gender),
            new("PNC id", person.Identifiers.Pnc),
            new("CRN", person.Identifiers.Crn),
            new("NHS number", person.Identifiers.NhsNumber),
            new("UPN", person.Identifiers.Upn),
            new("Address", person.Address),
            new("Owning agency", person.OwnerAgency),
            new("Recorded", time.DateOf(person.CreatedAt)),
        ];
        ReadsEverything = person.Access is null && withheld.Count == 0;
        WithheldRecords = withheld
            .Select(w => $"{w.AgencyName} holds {w.Records} {(w.Records == 1 ? "record" : "records")} on this person that are not shared with you. Contact them if you need to know more.")
            .ToList();
    }

    private async Task LoadCasesAsync(PersonId personId, CancellationToken cancellationToken)
    {
        var cases = await sender.Send(new ListCasesQuery(PersonId: personId, PageSize: 50), cancellationToken);
        Cases = cases.Items.Select(c => new PersonCaseRow(
            $"/cases/{c.Id}",
            SchemeNames.Of<Scheme>(c.Scheme),
            CaseWords.Status(c.Status),
            CaseWords.StatusTagClass(c.Status),
            c.OwnerAgency,
            LocalTime.Date(c.StartDate),
            c.ExitedOn is { } exited ? LocalTime.Date(exited) : null)).ToList();
    }

    private async Task LoadOffencesAsync(PersonId personId, CancellationToken cancellationToken)
    {
        var offences = await sender.Send(new ListOffencesQuery(personId, 1, 20), cancellationToken);
        Offences = offences.Items.Select(o => new OffenceRow(
            o.OffenceTypeName ?? o.OffenceType,
            LocalTime.Date(o.CommittedOn),
            LocalTime.Date(o.ConvictedOn) ?? "Not convicted",
            o.Outcome,
            o.OwnerAgency)).ToList();
        MoreOffences = offences.Total > offences.Items.Count ? $"The {offences.Items.Count} most recent of {offences.Total} offences. The timeline shows them all." : null;
    }

    private async Task LoadAsbAsync(PersonId personId, CancellationToken cancellationToken)
    {
        var records = await sender.Send(new ListAsbQuery(personId, 1, PartSize), cancellationToken);
        AsbRecords = records.Items.Select(r => new AsbRow(
            OutcomeWords.Asb(Enum.Parse<AsbKind>(r.Kind)), LocalTime.Date(r.OccurredOn), r.Description, r.OwnerAgency)).ToList();
        MoreRecords = More(records.Items.Count, records.Total, "ASB records");
    }

    private async Task LoadEducationAsync(PersonId personId, CancellationToken cancellationToken)
    {
        var records = await sender.Send(new ListEducationQuery(personId, 1, PartSize), cancellationToken);
        EducationRecords = records.Items.Select(r =>
        {
            var (when, detail) = OutcomeWords.Of(r);
            return new EducationRow(OutcomeWords.Education(Enum.Parse<EducationKind>(r.Kind)), when, detail, r.OwnerAgency);
        }).ToList();
        MoreRecords = More(records.Items.Count, records.Total, "education records");
    }

    private async Task LoadEmploymentAsync(PersonId personId, CancellationToken cancellationToken)
    {
        var records = await sender.Send(new ListEmploymentQuery(personId, 1, PartSize), cancellationToken);
        var agency = currentUser.Actor.Agency?.ToString();
        EmploymentRecords = records.Items.Select(r => new EmploymentRow(
            r.Benefit is { } benefit ? $"{OutcomeWords.Employment(EmploymentKind.OutOfWorkBenefit)}: {OutcomeWords.Benefit(Enum.Parse<BenefitType>(benefit))}" : OutcomeWords.Employment(Enum.Parse<EmploymentKind>(r.Kind)),
            LocalTime.Date(r.From),
            LocalTime.Date(r.To) ?? "Ongoing",
            r.Detail,
            r.OwnerAgency,
            // Only the agency that recorded a spell ends it (EndEmploymentHandler), and only once.
            r.To is null && CanWrite && string.Equals(r.OwnerAgency, agency, StringComparison.Ordinal) ? $"/people/{r.PersonId}/employment/{r.Id}/end" : null)).ToList();
        MoreRecords = More(records.Items.Count, records.Total, "spells");
    }

    private static string? More(int shown, int total, string what) =>
        total > shown ? $"The {shown} most recent of {total} {what}. The timeline shows them all." : null;

    private (string? SharedBecause, string? BreakGlassUntil) Explain(RecordAccessExplanation? access) => access switch
    {
        null => (null, null),
        { Rule: AccessRules.BreakGlass, GrantExpiresAt: { } until } => (null, time.TimeOnDay(until)),
        { Rule: AccessRules.Consent } => ($"Shared with your agency under the agreement ‘{access.AgreementName}’ with the person's consent.", null),
        _ => ($"Shared with your agency under the agreement ‘{access.AgreementName}’.", null),
    };

    private ConsentRow ToRow(ConsentView consent)
    {
        var status = Enum.Parse<ConsentStatus>(consent.Status);
        var (statusText, tagClass) = status switch
        {
            ConsentStatus.Given when consent.CountsToday => ("Given", "govuk-tag--green"),
            ConsentStatus.Given => ("Review overdue", "govuk-tag--yellow"),
            ConsentStatus.Refused => ("Refused", "govuk-tag--red"),
            _ => (SchemeNames.Of(status), "govuk-tag--grey"),
        };
        return new ConsentRow(
            consent.Id,
            SchemeNames.Of<Scheme>(consent.Purpose),
            string.Join(", ", consent.RecipientAgencies),
            SchemeNames.ListOf<DataCategory>(consent.DataCategories),
            statusText,
            tagClass,
            SchemeNames.Of<ConsentGivenBy>(consent.GivenBy),
            LocalTime.Date(consent.RecordedOn),
            LocalTime.Date(consent.ReviewOn),
            status == ConsentStatus.Given && CanWrite ? $"/people/{consent.PersonId}/consents/{consent.Id}/withdraw" : null);
    }
}

/// <summary>One consent decision as the person page shows it.</summary>
public sealed record ConsentRow(
    Guid Id,
    string Purpose,
    string Recipients,
    string Categories,
    string Status,
    string StatusTagClass,
    string GivenBy,
    string RecordedOn,
    string ReviewOn,
    string? WithdrawHref);

/// <summary>One of the person's cases as their page lists it.</summary>
public sealed record PersonCaseRow(string Href, string Scheme, string Status, string StatusTagClass, string Owner, string StartDate, string? ExitedOn);

/// <summary>One offence as the person page lists it.</summary>
public sealed record OffenceRow(string Type, string CommittedOn, string ConvictedOn, string? Outcome, string Owner);

/// <summary>One ASB record as the person page lists it.</summary>
public sealed record AsbRow(string Kind, string OccurredOn, string? Description, string Owner);

/// <summary>One education record as the person page lists it: its day or term, and its days or sessions.</summary>
public sealed record EducationRow(string Kind, string When, string Detail, string Owner);

/// <summary>One employment or benefit spell as the person page lists it, with where to end it when the reader may.</summary>
public sealed record EmploymentRow(string Kind, string From, string To, string? Detail, string Owner, string? EndHref);
