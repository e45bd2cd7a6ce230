namespace CaseManager.Web.BrowserTests.Support;

/// <summary>Users of the demo partnership seeded in Development (docs/API.md), all with the demo password.</summary>
public static class DemoUsers
{
    public const string Password = "CaseManager-Demo-2026";

    public const string PoliceCaseworker = "iom.officer@police.demo";

    public const string ProbationCaseworker = "offender.manager@probation.demo";

    public const string FitCaseworker = "keyworker@fit.demo";

    public const string Administrator = "admin@council.demo";
}
