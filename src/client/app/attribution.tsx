/** Attribution for every bundled charging-data source (see data/ATTRIBUTION.md), shown in the map's attribution control. */
export const DATA_ATTRIBUTION = [
  'Charging data: <a href="https://afdc.energy.gov/">U.S. DOE/NREL AFDC</a> (public domain)',
  '<a href="https://openchargemap.org">Open Charge Map</a> contributors (CC BY 4.0 / CC BY-SA 4.0)',
  'UK NCR: contains public sector information licensed under the Open Government Licence v3.0',
  'Bundesnetzagentur Ladesäulenregister (CC BY 4.0)',
];
