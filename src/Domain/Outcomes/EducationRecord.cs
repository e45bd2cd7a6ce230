using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Outcomes;

public readonly record struct EducationRecordId(Guid Value)
{
    public static EducationRecordId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>The education facts TF1 (b) and TF2 are worked out from.</summary>
public enum EducationKind
{
    FixedTermExclusion,
    PermanentExclusion,
    AlternativeProvision,
    NotOnRoll,
    TermAttendance,
}

/// <summary>
/// An education record on a child: an exclusion (fixed-term, with its days, or permanent) on a day, a placement in a
/// pupil referral unit or alternative provision from a day, a day from which the child was on no school roll, or a
/// term's attendance (sessions possible and unauthorised absences). Each kind takes only the fields that apply to it
/// (<see cref="FieldsOf"/>). Education, employment and benefits data owned by the recording agency.
/// </summary>
public sealed class EducationRecord : IPersonRecord
{
    public const int MaxExclusionDays = 45;
    public const int MaxSessionsInTerm = 200;

    private EducationRecord()
    {
    }

    public EducationRecordId Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; } = DataCategory.EducationEmploymentBenefits;

    public EducationKind Kind { get; private set; }

    /// <summary>The day of an exclusion, or the first day of alternative provision or of being on no roll.</summary>
    public DateOnly? On { get; private set; }

    /// <summary>A term's attendance: the term it is for ("2026-Autumn").</summary>
    public string? Term { get; private set; }

    /// <summary>A fixed-term exclusion's length in school days.</summary>
    public int? Days { get; private set; }

    public int? SessionsPossible { get; private set; }

    public int? UnauthorisedAbsenceSessions { get; private set; }

    /// <summary>The day the record is dated by: <see cref="On"/>, or the first day of its term (for ordering and periods).</summary>
    public DateOnly Day { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The term the record counts in: a term's attendance names it, any other record falls in its day's.</summary>
    public SchoolTerm CountsIn => Term is { } term ? SchoolTerm.Parse(term) : SchoolTerm.Of(On!.Value);

    /// <summary>The fields each kind takes: <c>on</c> for dated events, the term and its sessions for attendance.</summary>
    public static EducationFields FieldsOf(EducationKind kind) => kind switch
    {
        EducationKind.FixedTermExclusion => EducationFields.On | EducationFields.Days,
        EducationKind.TermAttendance => EducationFields.Term | EducationFields.SessionsPossible | EducationFields.UnauthorisedAbsenceSessions,
        _ => EducationFields.On,
    };

    /// <summary>The fields a kind must have: all it takes but an exclusion's days.</summary>
    public static EducationFields RequiredFieldsOf(EducationKind kind) => FieldsOf(kind) & ~EducationFields.Days;

    public static EducationRecord Record(
        PersonId personId, EducationKind kind, DateOnly? on, string? term, int? days, int? sessionsPossible, int? unauthorisedAbsenceSessions,
        AgencyCode byAgency, Guid recordedBy, DateTimeOffset now, DateOnly today)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainRuleException("education.kind", "Select what kind of education record this is");
        }

        var given = (on is null ? 0 : EducationFields.On) | (term is null ? 0 : EducationFields.Term) | (days is null ? 0 : EducationFields.Days)
            | (sessionsPossible is null ? 0 : EducationFields.SessionsPossible) | (unauthorisedAbsenceSessions is null ? 0 : EducationFields.UnauthorisedAbsenceSessions);
        if ((given & ~FieldsOf(kind)) != 0)
        {
            throw new DomainRuleException("education.fields", $"A {kind} record does not take {given & ~FieldsOf(kind)}");
        }

        if ((RequiredFieldsOf(kind) & ~given) != 0)
        {
            throw new DomainRuleException("education.fields", $"A {kind} record needs {RequiredFieldsOf(kind) & ~given}");
        }

        if (on > today)
        {
            throw new DomainRuleException("education.in-future", "The date cannot be in the future");
        }

        SchoolTerm? counted = term is null ? null : SchoolTerm.Parse(term);
        if (counted is { } t && t.Start > today)
        {
            throw new DomainRuleException("education.term-in-future", "The term has not started yet");
        }

        if (days is < 1 or > MaxExclusionDays)
        {
            throw new DomainRuleException("education.days", $"A fixed-term exclusion is 1 to {MaxExclusionDays} days");
        }

        if (sessionsPossible is < 1 or > MaxSessionsInTerm)
        {
            throw new DomainRuleException("education.sessions", $"Sessions possible must be 1 to {MaxSessionsInTerm}");
        }

        if (unauthorisedAbsenceSessions < 0 || unauthorisedAbsenceSessions > sessionsPossible)
        {
            throw new DomainRuleException("education.absences", "Unauthorised absences must be between 0 and the sessions possible");
        }

        return new EducationRecord
        {
            Id = EducationRecordId.New(),
            PersonId = personId,
            OwnerAgency = byAgency,
            Kind = kind,
            On = on,
            Term = counted?.ToString(),
            Day = on ?? counted!.Value.Start,
            Days = days,
            SessionsPossible = sessionsPossible,
            UnauthorisedAbsenceSessions = unauthorisedAbsenceSessions,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }
}

[Flags]
public enum EducationFields
{
    None = 0,
    On = 1,
    Term = 2,
    Days = 4,
    SessionsPossible = 8,
    UnauthorisedAbsenceSessions = 16,
}
