using RigDirectory.Web.Features.Directory;

namespace RigDirectory.UnitTests;

public sealed class MapTests
{
    private static readonly MapGeometry Geometry = new(MapGeometry.DefaultFolder);

    public static TheoryData<string> TestPointNames()
    {
        var data = new TheoryData<string>();
        foreach (var point in Geometry.Projection.TestPoints)
        {
            data.Add(point.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestPointNames))]
    public void Project_DocumentedTestPoint_LandsWithinAThousandthOfAPixel(string name)
    {
        var point = Geometry.Projection.TestPoints.Single(p => p.Name == name);

        var (x, y) = Geometry.Projection.Project(point.Latitude, point.Longitude);

        Assert.Equal(point.X, x, 0.001);
        Assert.Equal(point.Y, y, 0.001);
    }

    [Fact]
    public void Geometry_HasEveryStateAndProvinceInsideTheViewBox()
    {
        Assert.Equal(65, Geometry.Shapes.Count);
        Assert.All(Geometry.Shapes, shape =>
        {
            Assert.InRange(shape.Bounds.MinX, 0, MapGeometry.Width);
            Assert.InRange(shape.Bounds.MaxY, 0, MapGeometry.Height);
            Assert.True(shape.Bounds.MaxX > shape.Bounds.MinX);
        });
    }

    [Fact]
    public void PlaceMarkers_SchoolsInOneCity_AreSpreadApartButStayNearby()
    {
        var schools = Enumerable.Range(0, 6).Select(i => new MapSchool($"nyc-{i}", $"NYC {i}", 40.7143, -74.006, i % 2 == 0)).ToList();

        var markers = MapBuilder.PlaceMarkers(Geometry.Projection, schools, radius: 4);

        var (cx, cy) = Geometry.Projection.Project(40.7143, -74.006);
        Assert.Equal(6, markers.Select(m => (Math.Round(m.X, 2), Math.Round(m.Y, 2))).Distinct().Count());
        Assert.All(markers, m => Assert.InRange(Math.Sqrt(Math.Pow(m.X - cx, 2) + Math.Pow(m.Y - cy, 2)), 4, 20));
        foreach (var a in markers)
        {
            Assert.All(markers.Where(b => b != a), b => Assert.True(Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2)) >= 2 * 4 * 0.99));
        }
    }

    [Fact]
    public void PlaceMarkers_LoneSchool_SitsOnItsCity()
    {
        var markers = MapBuilder.PlaceMarkers(Geometry.Projection, [new MapSchool("halifax", "Halifax", 44.6488, -63.5752, true)], radius: 4);

        var marker = Assert.Single(markers);
        Assert.Equal(913.0203, marker.X, 0.001);
        Assert.Equal(485.6452, marker.Y, 0.001);
        Assert.Equal("halifax", marker.Slug);
        Assert.Equal("Halifax", marker.Name);
    }

    [Fact]
    public void Build_FocusedOnARegion_DimsTheOthersAndClosesIn()
    {
        MapJurisdiction[] jurisdictions =
        [
            new("US-MA", "us-region-7", "Region 7", 7, 5, 10),
            new("US-NY", "us-region-7", "Region 7", 7, 5, 10),
            new("US-CA", "us-region-1", "Region 1", 1, 1, 2),
        ];

        var map = MapBuilder.Build(Geometry, jurisdictions, [], "caption", focusRegion: "us-region-7");

        var northeast = map.Regions.Single(r => r.Href == "/regions/us-region-7");
        Assert.False(northeast.Dimmed);
        Assert.Equal("Region 7: 5 RIGs at 10 schools", northeast.Label);
        Assert.DoesNotContain(map.Regions, r => r.Href == "/regions/us-region-1");
        var width = double.Parse(map.ViewBox.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(width < MapGeometry.Width / 2);
        Assert.True(map.Detailed);
        Assert.Equal(northeast.Shapes[0].Detail, map.PathOf(northeast.Shapes[0]));
    }

    [Fact]
    public void Build_FocusedOnTheWest_FramesTheMainland_WithAlaskaAndHawaiiInBoxesBelow()
    {
        string[] west = ["US-AK", "US-HI", "US-WA", "US-OR", "US-CA", "US-NV", "US-AZ"];
        var jurisdictions = west.Select(code => new MapJurisdiction(code, "us-region-1", "Region 1", 1, 3, 9)).ToList();
        MapSchool[] schools =
        [
            new("hawaii", "Honolulu", 21.3069, -157.8583, HasRig: true, Code: "US-HI"),
            new("seattle", "Seattle", 47.6062, -122.3321, HasRig: false, Code: "US-WA"),
        ];

        var map = MapBuilder.Build(Geometry, jurisdictions, schools, "caption", focusRegion: "us-region-1");

        var box = map.ViewBox.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var mainland = west.Skip(2).Select(code => Geometry.ShapesByCode[code].Bounds).Aggregate((a, b) => a.Union(b));
        var alaska = Geometry.ShapesByCode["US-AK"].Bounds;

        // The frame is the mainland plus a strip for the insets, not Alaska's true place far to the north-west.
        Assert.True(box[0] > alaska.MinX && box[1] > alaska.MinY, map.ViewBox);
        Assert.InRange(box[2], mainland.MaxX - mainland.MinX, (mainland.MaxX - mainland.MinX) + 30);
        Assert.Equal(["US-AK", "US-HI"], map.Insets.Select(i => i.Code));
        Assert.All(map.Insets, inset =>
        {
            Assert.True(inset.Frame.MinY > mainland.MaxY && inset.Frame.MaxY <= box[1] + box[3], $"{inset.Code} {inset.Frame}");
            Assert.True(inset.Frame.MinX >= mainland.MinX && inset.Frame.MaxX <= mainland.MaxX, $"{inset.Code} {inset.Frame}");
        });
        Assert.NotNull(map.TransformOf(Geometry.ShapesByCode["US-HI"]));
        Assert.Null(map.TransformOf(Geometry.ShapesByCode["US-CA"]));

        // Hawaii's school moves with Hawaii; Seattle stays where it is.
        var honolulu = map.Markers.Single(m => m.Slug == "hawaii");
        var hawaii = map.Insets.Single(i => i.Code == "US-HI").Frame;
        Assert.InRange(honolulu.X, hawaii.MinX, hawaii.MaxX);
        Assert.InRange(honolulu.Y, hawaii.MinY, hawaii.MaxY);
        var (x, y) = Geometry.Projection.Project(47.6062, -122.3321);
        Assert.Equal((x, y), (map.Markers.Single(m => m.Slug == "seattle").X, map.Markers.Single(m => m.Slug == "seattle").Y));
    }

    [Fact]
    public void Build_WholeMap_DrawsOverviewOutlinesAndWholeUnitMarkers()
    {
        var map = MapBuilder.Build(Geometry, [new("US-MA", "us-region-7", "Region 7", 7, 5, 10)], [], "caption");

        Assert.False(map.Detailed);
        Assert.Equal(map.Regions[0].Shapes[0].Overview, map.PathOf(map.Regions[0].Shapes[0]));
        Assert.Equal("913", map.Coordinate(913.0203));
    }

    [Fact]
    public void Simplify_DropsPointsOnAStraightLine_AndWritesTheRestRelative()
    {
        var path = MapPaths.Simplify("M10,10L20,10.2 30,10 30,20 10,20Z", tolerance: 0.5, step: 1);

        Assert.Equal("M10,10l20,0 0,10-20,0z", path);
    }

    [Fact]
    public void Simplify_KeepsTenthsForCloseUps_AndDropsRingsSmallerThanAPixel()
    {
        var path = MapPaths.Simplify("M1.5,1.5L2.5,1.5 2.5,2.5Z M100,100L100.2,100 100.2,100.2Z", tolerance: 0.05, step: 0.1);

        Assert.Equal("M1.5,1.5l1,0 0,1zM100,100l0.2,0 0,0.2z", path);
        Assert.Empty(MapPaths.Simplify("M100,100L100.2,100 100.2,100.2Z", tolerance: 0.5, step: 1));
    }

    [Fact]
    public void Simplify_EveryShippedOutline_StaysInsideItsBoundsAndShrinks()
    {
        foreach (var shape in Geometry.Shapes)
        {
            Assert.True(shape.Overview.Length < shape.Detail.Length || shape.Overview.Length < 40, shape.Code);
            var (x, y) = Start(shape.Overview);
            Assert.InRange(x, shape.Bounds.MinX - 1, shape.Bounds.MaxX + 1);
            Assert.InRange(y, shape.Bounds.MinY - 1, shape.Bounds.MaxY + 1);
        }

        static (double X, double Y) Start(string path)
        {
            var first = path[1..path.IndexOf('l', StringComparison.Ordinal)].Split(',');
            return (double.Parse(first[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(first[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
