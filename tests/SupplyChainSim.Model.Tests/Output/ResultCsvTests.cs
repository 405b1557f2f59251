using System.Text;
using SupplyChainSim.Output;

namespace SupplyChainSim.Model.Tests;

/// <summary>The one CSV writer every output file goes through (the run's files, compare.csv, sweep.csv).</summary>
public class ResultCsvTests
{
    [Fact]
    public void Text_cells_a_spreadsheet_would_run_as_formulas_get_a_leading_quote_and_numbers_stay_numbers()
    {
        var csv = Encoding.UTF8.GetString(ResultFiles.Csv(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
            [["=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx", "-5", "-1.5e3", -5, -2.5, "plain", "a=b"]]));
        Assert.Equal("a,b,c,d,e,f,g,h,i,j,k,l\n" +
            "'=cmd|' /C calc'!A0,'+1+2,'-2+3,'@SUM(A1),'\tx,\"'\rx\",-5,-1.5e3,-5,-2.5,plain,a=b\n", csv);
    }
}
