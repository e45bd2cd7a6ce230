using System.Linq.Expressions;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// Puts the body of one lambda inside another expression, with its parameters replaced by the given expressions,
/// so that a rule written once as a lambda can be used inside bigger queries that EF Core translates to SQL.
/// </summary>
internal static class ExpressionInliner
{
    public static Expression Inline(LambdaExpression template, params Expression[] arguments)
    {
        var map = template.Parameters.Zip(arguments).ToDictionary(pair => pair.First, pair => pair.Second);
        return new Replacer(map).Visit(template.Body);
    }

    private sealed class Replacer(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            map.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);
    }
}
