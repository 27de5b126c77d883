/**
 * Texts of the supporters' district rule (`supportersAtLeast`'s `sameDistrict`: which postcode
 * areas belong to which district) in the rule editor; merged into useEditorText() through
 * editor-more-messages.ts. Dutch is the source.
 */
export const districtNl = {
  'param.sameDistrict': 'Alleen bewoners van de wijk (postcodes per wijk)',
  'district.help':
    'Eén regel per wijk: de naam van de wijk zoals in de subsidieregeling, een dubbele punt, dan de postcodegebieden (de vier cijfers) met komma’s ertussen. Een reeks schrijft u met een streepje, zoals ‘Delfshaven: 3021-3029’. Een ondersteuner telt alleen mee als zijn postcode bij de wijk van de aanvraag hoort. Laat u het vak leeg, dan telt de wijk niet.',
  'district.summary': '{districts} wijken, {areas} postcodegebieden',
  'district.problem.noColon': 'Regel {line}: zet een dubbele punt tussen de wijk en de postcodes.',
  'district.problem.noName': 'Regel {line}: de naam van de wijk ontbreekt vóór de dubbele punt.',
  'district.problem.noPostcodes': 'Regel {line}: noem minstens één postcodegebied voor {district}.',
  'district.problem.notAnArea':
    'Regel {line}: ‘{item}’ is geen postcodegebied. Schrijf de vier cijfers, zoals 3061, of een reeks, zoals 3061-3063.',
  'district.problem.backwards':
    'Regel {line}: de reeks ‘{item}’ loopt achteruit. Zet het laagste nummer voorop.',
  'district.problem.twice':
    'Regel {line}: postcode {postcode} staat al bij {other}. Een postcodegebied hoort bij één wijk.',
  'district.problem.more': 'En nog {count} meer.',
  'ref.sameDistrict': 'alleen bewoners van de wijk ({summary})',
};

export const districtEn: Record<keyof typeof districtNl, string> = {
  'param.sameDistrict': 'Residents of the district only (postcodes per district)',
  'district.help':
    'One line per district: the district’s name as in the grant scheme, a colon, then its postcode areas (the four digits) separated by commas. Write a run with a dash, such as ‘Delfshaven: 3021-3029’. A supporter counts only if his postcode belongs to the application’s district. If you leave the box empty, the district does not matter.',
  'district.summary': '{districts} districts, {areas} postcode areas',
  'district.problem.noColon': 'Line {line}: put a colon between the district and its postcodes.',
  'district.problem.noName': 'Line {line}: the district’s name is missing before the colon.',
  'district.problem.noPostcodes': 'Line {line}: name at least one postcode area for {district}.',
  'district.problem.notAnArea':
    'Line {line}: ‘{item}’ is not a postcode area. Write its four digits, such as 3061, or a run, such as 3061-3063.',
  'district.problem.backwards':
    'Line {line}: the run ‘{item}’ goes backwards. Put the lowest number first.',
  'district.problem.twice':
    'Line {line}: postcode {postcode} already belongs to {other}. A postcode area belongs to one district.',
  'district.problem.more': 'And {count} more.',
  'ref.sameDistrict': 'residents of the district only ({summary})',
};
