using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.TroubledFamilies;

namespace CaseManager.Domain.UnitTests.TroubledFamilies;

/// <summary>Small builder of <see cref="FamilyFacts"/>: members first, then records about them.</summary>
public sealed class FamilyBuilder
{
    public static readonly DateOnly AsOf = new(2026, 11, 26);

    private readonly List<FamilyMember> _members = [];
    private readonly List<ProvenOffence> _offences = [];
    private readonly List<AsbFact> _asb = [];
    private readonly List<EducationFact> _education = [];
    private readonly List<EmploymentFact> _employment = [];
    private readonly List<LocalCriterionFact> _local = [];
    private readonly List<TreatmentFact> _treatment = [];
    private DateOnly? _attachedOn;

    public static FamilyBuilder AFamily() => new();

    public FamilyBuilder AttachedOn(DateOnly day)
    {
        _attachedOn = day;
        return this;
    }

    public FamilyBuilder Member(out PersonId person, DateOnly born, DateOnly? from = null, DateOnly? to = null)
    {
        person = new PersonId(Guid.NewGuid());
        _members.Add(new FamilyMember(person, born, [new MembershipPeriod(from ?? new DateOnly(2020, 1, 1), to)]));
        return this;
    }

    public FamilyBuilder Child(out PersonId person, int age = 14) => Member(out person, AsOf.AddYears(-age).AddDays(-30));

    public FamilyBuilder Adult(out PersonId person) => Member(out person, new DateOnly(1985, 6, 1));

    public FamilyBuilder Offence(PersonId person, DateOnly committedOn, DateOnly? convictedOn = null)
    {
        _offences.Add(new ProvenOffence(Guid.NewGuid(), person, committedOn, convictedOn ?? committedOn));
        return this;
    }

    public FamilyBuilder Asb(PersonId person, DateOnly on, AsbKind kind = AsbKind.Injunction)
    {
        _asb.Add(new AsbFact(Guid.NewGuid(), person, kind, on));
        return this;
    }

    public FamilyBuilder Exclusion(PersonId person, DateOnly on)
    {
        _education.Add(new EducationFact(Guid.NewGuid(), person, EducationKind.FixedTermExclusion, on, SchoolTerm.Of(on)));
        return this;
    }

    public FamilyBuilder Education(PersonId person, EducationKind kind, DateOnly on)
    {
        _education.Add(new EducationFact(Guid.NewGuid(), person, kind, on, SchoolTerm.Of(on)));
        return this;
    }

    public FamilyBuilder Attendance(PersonId person, string term, int possible, int absent)
    {
        _education.Add(new EducationFact(Guid.NewGuid(), person, EducationKind.TermAttendance, null, SchoolTerm.Parse(term), possible, absent));
        return this;
    }

    public FamilyBuilder Benefit(PersonId person, DateOnly from, DateOnly? to = null, BenefitType benefit = BenefitType.UniversalCredit)
    {
        _employment.Add(new EmploymentFact(Guid.NewGuid(), person, EmploymentKind.OutOfWorkBenefit, benefit, from, to));
        return this;
    }

    public FamilyBuilder Spell(PersonId person, EmploymentKind kind, DateOnly from, DateOnly? to = null)
    {
        _employment.Add(new EmploymentFact(Guid.NewGuid(), person, kind, null, from, to));
        return this;
    }

    public FamilyBuilder LocalCriterion(string criterion, DateOnly on, PersonId? person = null)
    {
        _local.Add(new LocalCriterionFact(Guid.NewGuid(), person, criterion, LocalCriteria.DefaultProblem(criterion), on));
        return this;
    }

    public FamilyBuilder Treatment(PersonId person, DateOnly start, DateOnly? end = null)
    {
        _treatment.Add(new TreatmentFact(Guid.NewGuid(), person, start, end));
        return this;
    }

    public FamilyFacts Build() => new(new HouseholdId(Guid.NewGuid()), new CaseId(Guid.NewGuid()), _attachedOn, _members, _offences, _asb, _education, _employment, _local, _treatment);
}
