using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Cases;

/// <summary>
/// A person's enrolment in one scheme, worked by one agency; or, in the family schemes, a household's (DOMAIN.md
/// FAM1, FAM3: <see cref="HouseholdId"/> instead of <see cref="PersonId"/>, with one lead professional). While it is
/// not exited, the person (or every member of the household on the days of their membership, IS7b) counts as
/// enrolled in the scheme for the sharing rule (IS7): partner agencies in that scheme may then see what the
/// partnership's agreements allow.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Case is the word caseworkers use; C# code names locals by role instead (STYLE.md section 3).")]
public sealed class Case : AggregateRoot, IAgencyOwned
{
    private readonly List<ExitNomination> _exitNominations = [];

    private Case()
    {
    }

    public CaseId Id { get; private set; }

    /// <summary>Whom the case is about; null for a family case, which is about a household.</summary>
    public PersonId? PersonId { get; private set; }

    /// <summary>The household a family case is about (DOMAIN.md FAM1); null for a person's case.</summary>
    public HouseholdId? HouseholdId { get; private set; }

    /// <summary>The one lead professional of a family case (FAM1): a user of any agency in the partnership.</summary>
    public Guid? LeadProfessional { get; private set; }

    public Scheme Scheme { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? ExitedOn { get; private set; }

    public Guid? AllocatedTo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the next review falls due (the review schedule keeps it; null once the case is exited).</summary>
    public DateOnly? NextReviewDue { get; private set; }

    /// <summary>IOM only: cohort, tier and selection.</summary>
    public IomDetails? Iom { get; private set; }

    /// <summary>IOM only: in custody or in the community.</summary>
    public CustodyStatus? Custody { get; private set; }

    /// <summary>Every exit nomination, decided or not, oldest first.</summary>
    public IReadOnlyList<ExitNomination> ExitNominations => _exitNominations;

    public ExitNomination? PendingExitNomination => _exitNominations.SingleOrDefault(n => n.IsPending);

    public bool IsOpen => Status != CaseStatus.Exited;

    /// <summary>"Today" is the partnership's calendar day, which decides what "in the future" means.</summary>
    public static Case Open(PersonId personId, Scheme scheme, AgencyCode owner, DateOnly startDate, Guid? allocatedTo, DateTimeOffset at, DateOnly today)
    {
        if (startDate > today)
        {
            throw new DomainRuleException("case.start-in-future", "The start date cannot be in the future");
        }

        return new Case
        {
            Id = CaseId.New(),
            PersonId = personId,
            Scheme = scheme,
            OwnerAgency = owner,
            DataCategory = CategoryOf(scheme),
            Status = CaseStatus.Active,
            StartDate = startDate,
            AllocatedTo = allocatedTo,
            CreatedAt = at,
        };
    }

    /// <summary>
    /// Enrols a household in a family scheme (DOMAIN.md FAM3): FIT, High Impact Household or Troubled Families; a
    /// household may be in several at once. The lead professional may be named now or later.
    /// </summary>
    public static Case OpenForHousehold(HouseholdId householdId, Scheme scheme, AgencyCode owner, DateOnly startDate, Guid? allocatedTo, Guid? leadProfessional, DateTimeOffset at, DateOnly today)
    {
        if (!FamilySchemes.Contains(scheme))
        {
            throw new DomainRuleException("case.not-family-scheme", $"{scheme} enrols a person, not a household");
        }

        var opened = Open(default, scheme, owner, startDate, allocatedTo, at, today);
        opened.PersonId = null;
        opened.HouseholdId = householdId;
        opened.LeadProfessional = leadProfessional;
        return opened;
    }

    /// <summary>Names the family case's lead professional (FAM1: one lead professional), or none.</summary>
    public void NameLeadProfessional(Guid? userId)
    {
        EnsureOpen();
        if (HouseholdId is null)
        {
            throw new DomainRuleException("case.not-family", "Only family cases have a lead professional");
        }

        LeadProfessional = userId;
        IncrementVersion();
    }

    /// <summary>The data category of the case record itself, from its scheme.</summary>
    public static DataCategory CategoryOf(Scheme scheme) => scheme switch
    {
        Scheme.Iom => DataCategory.Offending,
        Scheme.AdultTreatment or Scheme.YoungPeopleTreatment => DataCategory.HealthSubstanceMisuse,
        _ => DataCategory.ChildrenSafeguarding,
    };

    /// <summary>Opens an IOM case (DOMAIN.md IOM1–IOM4): an IOM case always has its selection and custody recorded.</summary>
    public static Case OpenIom(PersonId personId, AgencyCode owner, DateOnly startDate, Guid? allocatedTo, IomDetails details, CustodyStatus? custody, DateTimeOffset at, DateOnly today)
    {
        var opened = Open(personId, Scheme.Iom, owner, startDate, allocatedTo, at, today);
        opened.Iom = CheckIom(details);
        opened.Custody = CheckCustody(custody ?? CustodyStatus.InCommunity, startDate);
        return opened;
    }

    /// <summary>Sets when the next review is due (the review schedule decides the date).</summary>
    public void ScheduleNextReview(DateOnly? due) => NextReviewDue = IsOpen ? due : null;

    /// <summary>Changes the IOM selection details and custody status of an open IOM case.</summary>
    public void UpdateIom(IomDetails details, CustodyStatus custody)
    {
        EnsureOpen();
        if (Scheme != Scheme.Iom)
        {
            throw new DomainRuleException("case.not-iom", "Only IOM cases have IOM details");
        }

        Iom = CheckIom(details);
        Custody = CheckCustody(custody, StartDate);
        IncrementVersion();
    }

    /// <summary>Moves the case to another worker of the owning agency.</summary>
    public void Allocate(Guid? worker)
    {
        EnsureOpen();
        AllocatedTo = worker;
        IncrementVersion();
    }

    /// <summary>A caseworker proposes that the person leave the scheme (DOMAIN.md IOM6); a manager decides.</summary>
    public ExitNomination NominateExit(ExitReason reason, string? note, string? evidence, Guid nominatedBy, DateTimeOffset at)
    {
        EnsureOpen();
        if (Status == CaseStatus.ExitNominated)
        {
            throw new DomainRuleException("case.exit-already-nominated", "This case has already been nominated for exit; a manager must decide first");
        }

        if (!ExitReasons.For(Scheme).Contains(reason))
        {
            throw new DomainRuleException("case.exit-reason", $"{reason} is not a reason to leave this scheme");
        }

        var nomination = new ExitNomination(
            reason,
            Guard.Required(note, "case.exit-note", "Give the reason for the nomination", maxLength: 4000),
            Guard.Optional(evidence, 4000, "case.exit-evidence", "Evidence must be 4000 characters or fewer"),
            nominatedBy,
            at);
        _exitNominations.Add(nomination);
        Status = CaseStatus.ExitNominated;
        IncrementVersion();
        return nomination;
    }

    /// <summary>
    /// A manager approves the pending nomination: the case is exited on the given day and takes no more work.
    /// Four eyes (IOM6): the nominator can never decide their own nomination.
    /// </summary>
    public void ApproveExit(Guid decidedBy, string? note, DateOnly exitedOn, DateTimeOffset at)
    {
        var nomination = PendingForDecisionBy(decidedBy);
        if (exitedOn < StartDate)
        {
            throw new DomainRuleException("case.exit-before-start", "A case cannot be exited before it started");
        }

        nomination.Decide(ExitDecision.Approved, decidedBy, at, Guard.Optional(note, 4000, "case.exit-note", "The note must be 4000 characters or fewer"));
        Status = CaseStatus.Exited;
        ExitedOn = exitedOn;
        NextReviewDue = null;
        IncrementVersion();
    }

    /// <summary>A manager rejects the pending nomination, saying why; the case goes back to active work.</summary>
    public void RejectExit(Guid decidedBy, string? note, DateTimeOffset at)
    {
        var nomination = PendingForDecisionBy(decidedBy);
        nomination.Decide(ExitDecision.Rejected, decidedBy, at, Guard.Required(note, "case.rejection-note", "Say why the nomination is rejected", maxLength: 4000));
        Status = CaseStatus.Active;
        IncrementVersion();
    }

    /// <summary>Refuses any change to an exited case: later work is a new case.</summary>
    public void EnsureOpen()
    {
        if (Status == CaseStatus.Exited)
        {
            throw new DomainRuleException("case.already-exited", "This case has been exited, so no more work can be recorded on it. Open a new case if the person is selected again.");
        }
    }

    private ExitNomination PendingForDecisionBy(Guid decider)
    {
        EnsureOpen();
        var nomination = PendingExitNomination
            ?? throw new DomainRuleException("case.no-exit-nomination", "This case has not been nominated for exit");
        if (nomination.NominatedBy == decider)
        {
            throw new FourEyesException();
        }

        return nomination;
    }

    private static IomDetails CheckIom(IomDetails details) => details with
    {
        Cohort = Guard.Required(details.Cohort, "case.cohort", "Select the cohort", maxLength: 40),
        Tier = Guard.Optional(details.Tier, 40, "case.tier", "The tier must be 40 characters or fewer"),
        SelectionReason = Guard.Required(details.SelectionReason, "case.selection-reason", "Give the reason the panel selected the person", maxLength: 4000),
        SelectionScore = Guard.Optional(details.SelectionScore, 100, "case.selection-score", "The score must be 100 characters or fewer"),
        PanelNote = Guard.Optional(details.PanelNote, 4000, "case.panel-note", "The panel note must be 4000 characters or fewer"),
        PredictedReoffendingRate = details.PredictedReoffendingRate is null or (>= 0 and <= 100)
            ? details.PredictedReoffendingRate
            : throw new DomainRuleException("case.predicted-rate", "The predicted re-offending rate is a percentage between 0 and 100"),
    };

    private static CustodyStatus CheckCustody(CustodyStatus custody, DateOnly startDate) => custody.InCustody
        ? new CustodyStatus(
            true,
            Guard.Required(custody.Establishment, "case.custody-establishment", "Enter the prison or establishment", maxLength: 200),
            custody.ExpectedRelease is { } release && release < startDate
                ? throw new DomainRuleException("case.custody-release", "The expected release date cannot be before the case started")
                : custody.ExpectedRelease)
        : CustodyStatus.InCommunity;
}

/// <summary>The four-eyes rule (DOMAIN.md IOM6): a person may not decide their own nomination. Answered as 403.</summary>
public sealed class FourEyesException() : Exception("You nominated this exit, so another manager must decide it");
